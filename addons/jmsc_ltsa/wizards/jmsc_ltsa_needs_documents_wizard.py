from odoo import api, fields, models


class JmscLtsaNeedsDocumentsWizard(models.TransientModel):
    """Needs Documents: which document is missing, to which queue the visitor goes, and a note."""

    _name = "jmsc.ltsa.needs.documents.wizard"
    _description = "LTSA: Documents Missing"

    desk_id = fields.Many2one("jmsc.ltsa.desk", required=True, ondelete="cascade")
    ticket_id = fields.Many2one(related="desk_id.current_ticket_id")
    missing_doc_ids = fields.Many2many("res.partner.id_category", string="Missing Documents", required=True)
    site_category_ids = fields.Many2many("jmsc.ltsa.category", compute="_compute_site_category_ids")
    category_id = fields.Many2one(
        "jmsc.ltsa.category",
        string="Send to Queue",
        help="Issue a new ticket in this queue (e.g. where the document is made). Leave empty when the visitor "
        "comes back another day.",
    )
    note = fields.Text(help="What the visitor must do; kept on the request.")

    @api.depends("desk_id")
    def _compute_site_category_ids(self):
        for wizard in self:
            wizard.site_category_ids = wizard.desk_id.site_id.desk_ids.category_ids

    def action_confirm(self):
        self.ensure_one()
        ticket = self.desk_id._ensure_current()
        new_ticket = self.desk_id._needs_documents(self.missing_doc_ids, self.category_id, self.note)
        docs = ", ".join(self.missing_doc_ids.mapped("name"))
        if new_ticket:
            message = self.env._(
                "Ticket %(ticket)s is closed: the visitor must bring %(docs)s. New ticket %(new)s in the queue "
                "%(queue)s.",
                ticket=ticket.name,
                docs=docs,
                new=new_ticket.name,
                queue=new_ticket.category_id.name,
            )
        else:
            message = self.env._(
                "Ticket %(ticket)s is closed: the visitor must bring %(docs)s and take a new ticket when they return.",
                ticket=ticket.name,
                docs=docs,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "title": self.env._("Needs Documents"),
                "message": message,
                "sticky": True,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

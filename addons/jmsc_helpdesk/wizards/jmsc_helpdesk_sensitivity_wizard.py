from odoo import api, fields, models


class JmscHelpdeskSensitivityWizard(models.TransientModel):
    _name = "jmsc.helpdesk.sensitivity.wizard"
    _description = "Change Case Type or Sensitivity"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Case", required=True, ondelete="cascade")
    category_id = fields.Many2one("helpdesk.ticket.category", string="Case Type", required=True)
    is_sensitive = fields.Boolean(string="Sensitive")
    reason = fields.Text(required=True, help="Recorded in the case history.")

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id:
            self.is_sensitive = self.category_id.jmsc_is_sensitive

    def action_apply(self):
        self.ensure_one()
        self.ticket_id._jmsc_change_sensitivity(self.category_id, self.is_sensitive, self.reason)
        return {"type": "ir.actions.act_window_close"}

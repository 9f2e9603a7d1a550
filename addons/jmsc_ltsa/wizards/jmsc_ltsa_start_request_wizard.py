from odoo import fields, models
from odoo.exceptions import UserError


class JmscLtsaStartRequestWizard(models.TransientModel):
    """Start a service request for the identified visitor; the first service is served on the current ticket."""

    _name = "jmsc.ltsa.start.request.wizard"
    _description = "LTSA: Start a Service Request"

    desk_id = fields.Many2one("jmsc.ltsa.desk", required=True, ondelete="cascade")
    ticket_id = fields.Many2one(related="desk_id.current_ticket_id")
    service_ids = fields.Many2many("jmsc.ltsa.service", string="Services", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.desk_id.check_access("write")
        ticket = self.desk_id._ensure_current()
        if not ticket.partner_id or ticket.request_id:
            raise UserError(
                self.env._("Ticket %(ticket)s needs an identified visitor and no request yet.", ticket=ticket.name)
            )
        request = self.env["jmsc.ltsa.request"].create(
            {
                "partner_id": ticket.partner_id.id,
                "site_id": ticket.site_id.id,
                "priority": ticket.priority if ticket.is_priority else "none",
                "step_ids": [
                    (0, 0, {"service_id": service.id, "sequence": index * 10})
                    for index, service in enumerate(self.service_ids)
                ],
            }
        )
        request._start_from_ticket(ticket)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Request %(request)s started on ticket %(ticket)s: %(services)s.",
                    request=request.name,
                    ticket=ticket.name,
                    services=", ".join(self.service_ids.mapped("name")),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

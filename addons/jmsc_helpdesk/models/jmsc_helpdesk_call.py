from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from .helpdesk_ticket import CALLER_TYPES


class JmscHelpdeskCall(models.Model):
    _name = "jmsc.helpdesk.call"
    _description = "Call Centre Call"
    _order = "call_date desc, id desc"
    _rec_name = "caller_number"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Case", index=True, ondelete="cascade")
    direction = fields.Selection([("inbound", "Inbound"), ("outbound", "Outbound")], required=True, default="inbound")
    call_date = fields.Datetime(string="Time", required=True, default=fields.Datetime.now, index=True)
    duration = fields.Float(string="Duration (minutes)")
    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, default=lambda self: self.env.user, index=True
    )
    caller_number = fields.Char(index=True)
    caller_name = fields.Char()
    caller_type = fields.Selection(CALLER_TYPES, default="migrant")
    category_id = fields.Many2one("helpdesk.ticket.category", string="Case Type")
    notes = fields.Text()

    _sql_constraints = [
        ("duration_positive", "CHECK(duration >= 0)", "The duration of a call cannot be negative."),
    ]

    @api.constrains("caller_number", "caller_type")
    def _check_caller_number(self):
        for call in self:
            if call.caller_type != "anonymous" and not call.caller_number:
                raise ValidationError(
                    self.env._(
                        "Call of %s: the caller number is required unless the caller is anonymous.", call.call_date
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        calls = super().create(vals_list)
        calls._mark_first_response()
        return calls

    def _mark_first_response(self):
        """Talking to the caller on a case counts as its first response."""
        for call in self.filtered(lambda c: c.ticket_id and not c.ticket_id.jmsc_first_response_date):
            call.ticket_id.jmsc_first_response_date = call.call_date
            call.ticket_id._jmsc_refresh_sla_state()

    def action_open_case(self):
        """Create the case from this call and open it."""
        self.ensure_one()
        if self.ticket_id:
            raise UserError(
                self.env._(
                    "Call %(call)s is already linked to case %(case)s.",
                    call=self.display_name,
                    case=self.ticket_id.number,
                )
            )
        channel = self.env.ref("jmsc_helpdesk.channel_hotline", raise_if_not_found=False)
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": self.env._(
                    "Call from %s", self.caller_name or self.caller_number or self.env._("anonymous caller")
                ),
                "description": plaintext2html(self.notes or self.env._("Case opened from a hotline call.")),
                "category_id": self.category_id.id,
                "channel_id": channel.id if channel and self.direction == "inbound" else False,
                "jmsc_caller_type": self.caller_type,
                "jmsc_caller_name": self.caller_name,
                "jmsc_caller_phone": self.caller_number,
                "jmsc_sla_start": self.call_date,
                "user_id": self.env.uid,
            }
        )
        self.ticket_id = ticket
        self._mark_first_response()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "target": "current",
        }

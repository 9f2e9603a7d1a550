from odoo import api, fields, models
from odoo.exceptions import ValidationError


class JmscConsent(models.Model):
    """A data-processing consent given by a migrant (UU PDP 27/2022)."""

    _name = "jmsc.consent"
    _description = "Data Processing Consent"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Migrant", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    purpose = fields.Selection(
        [
            ("registry", "Migrant registry and JMSC services"),
            ("sharing", "Sharing with partner agencies"),
            ("communication", "Information and reminders"),
            ("research", "Anonymous research and statistics"),
        ],
        required=True,
        default="registry",
        tracking=True,
    )
    channel = fields.Selection(
        [
            ("paper", "Signed Paper Form"),
            ("in_person", "In Person at a Service Desk"),
            ("online", "Online Form"),
            ("whatsapp", "WhatsApp"),
            ("phone", "Phone Call"),
        ],
        required=True,
        default="paper",
        tracking=True,
    )
    withdrawal_date = fields.Date(tracking=True)
    withdrawal_reason = fields.Char()
    state = fields.Selection(
        [("active", "Active"), ("withdrawn", "Withdrawn")], compute="_compute_state", store=True, index=True
    )

    @api.depends("withdrawal_date")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.withdrawal_date else "active"

    @api.depends("partner_id", "purpose", "date")
    def _compute_display_name(self):
        purposes = dict(self._fields["purpose"]._description_selection(self.env))
        for consent in self:
            consent.display_name = f"{consent.partner_id.name or ''}: {purposes.get(consent.purpose, '')}"

    @api.constrains("date", "withdrawal_date")
    def _check_withdrawal_date(self):
        for consent in self:
            if consent.withdrawal_date and consent.withdrawal_date < consent.date:
                raise ValidationError(
                    self.env._("The consent %s cannot be withdrawn before it was given.", consent.display_name)
                )

    def action_withdraw(self):
        self.filtered(lambda c: not c.withdrawal_date).write({"withdrawal_date": fields.Date.context_today(self)})
        return True

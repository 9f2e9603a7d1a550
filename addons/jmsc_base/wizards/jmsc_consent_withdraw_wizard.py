from odoo import fields, models

from ..models.jmsc_consent import CONSENT_CHANNELS
from ..tools.office_day import office_today


class JmscConsentWithdrawWizard(models.TransientModel):
    """Record that a migrant withdrew consents: when, through which channel, and who recorded it."""

    _name = "jmsc.consent.withdraw.wizard"
    _description = "Withdraw Consent"

    consent_ids = fields.Many2many("jmsc.consent", string="Consents", required=True)
    date = fields.Date(string="Withdrawn On", required=True, default=office_today)
    channel = fields.Selection(CONSENT_CHANNELS, string="Withdrawn Through", required=True)
    reason = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        self.consent_ids._jmsc_withdraw(self.channel, self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}

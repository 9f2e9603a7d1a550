# pylint: disable=consider-merging-classes-inherited
"""Consent hook (contract 7): which partners may be processed for a purpose.

Minimal version for the expiry reminders; the consent helper's full version replaces it when merged.
"""

from odoo import models

# Purpose codes of the hook -> purposes of jmsc.consent that cover them.
CONSENT_PURPOSES = {
    "reminder_email": ("communication",),
    "reminder_sms": ("communication",),
    "reminder_whatsapp": ("communication",),
    "sharing": ("sharing",),
    "portal": ("registry",),
    "statistics": ("research",),
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_consent_allows(self, purpose, agency_type=False):
        """The subset of ``self`` with an active (not withdrawn) consent covering ``purpose``."""
        if not self:
            return self
        consents = (
            self.env["jmsc.consent"]
            .sudo()  # a reminder job or an officer without consent rights asks; only ids leave this method
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("purpose", "in", CONSENT_PURPOSES.get(purpose, ())),
                    ("state", "=", "active"),
                ],
                ["partner_id"],
            )
        )
        allowed = {partner.id for (partner,) in consents}
        return self.filtered(lambda partner: partner.id in allowed)

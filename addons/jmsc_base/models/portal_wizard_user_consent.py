from odoo import models


class PortalWizardUser(models.TransientModel):
    """The portal invitation of a migrant needs the migrant's consent to portal access (UU PDP)."""

    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        self.partner_id._jmsc_check_consent("portal")
        return super().action_grant_access()

    def action_invite_again(self):
        self.partner_id._jmsc_check_consent("portal")
        return super().action_invite_again()

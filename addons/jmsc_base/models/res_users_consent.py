# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class ResUsers(models.Model):
    """No active portal account for a migrant without the consent to portal access, however it is made
    (portal invitation, user form, import, JSON-RPC): the check runs in sudo mode too."""

    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._jmsc_check_portal_consent()
        return users

    def write(self, vals):
        res = super().write(vals)
        if {"active", "groups_id", "partner_id"} & vals.keys():
            self._jmsc_check_portal_consent()
        return res

    def _jmsc_check_portal_consent(self):
        portal_users = self.filtered(lambda u: u.active and u.share)
        if portal_users:
            portal_users.partner_id._jmsc_check_consent("portal")

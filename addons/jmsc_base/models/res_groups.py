from odoo import api, fields, models

HOME_FIELDS = ("jmsc_home_action_id", "jmsc_home_priority", "users", "implied_ids")


class ResGroups(models.Model):
    _inherit = "res.groups"

    jmsc_home_action_id = fields.Many2one(
        "ir.actions.actions",
        string="JMSC Landing Page",
        help="Where a user of this role lands after login (the role with the lowest landing priority wins).",
    )
    jmsc_home_priority = fields.Integer(string="JMSC Landing Priority", default=100)

    @api.model_create_multi
    def create(self, vals_list):
        groups = super().create(vals_list)
        groups.users._jmsc_sync_home_action()
        return groups

    def write(self, vals):
        result = super().write(vals)
        if any(fname in vals for fname in HOME_FIELDS):
            # ``users`` of a group holds the users who got it implied too (Odoo stores implied groups).
            self.users._jmsc_sync_home_action()
        return result

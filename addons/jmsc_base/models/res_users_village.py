# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


# Kept apart from res_users.py so the parallel work on jmsc_base merges cleanly.
class ResUsers(models.Model):
    _inherit = "res.users"

    jmsc_village_ids = fields.Many2many(
        "jmsc.village",
        "jmsc_village_res_users_rel",
        "user_id",
        "village_id",
        string="Villages Served",
        help="A Village Officer sees and registers the migrants of these villages.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["jmsc_village_ids"]

from odoo import fields, models


class ResGroups(models.Model):
    _inherit = "res.groups"

    jmsc_home_action_id = fields.Many2one(
        "ir.actions.actions",
        string="JMSC Landing Page",
        help="Where a user of this role lands after login (the role with the lowest landing priority wins).",
    )
    jmsc_home_priority = fields.Integer(string="JMSC Landing Priority", default=100)

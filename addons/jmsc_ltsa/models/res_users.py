from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ltsa_desk_ids = fields.Many2many(
        "jmsc.ltsa.desk", "jmsc_ltsa_desk_res_users_rel", "user_id", "desk_id", string="LTSA Desks"
    )
    ltsa_site_ids = fields.Many2many("jmsc.ltsa.site", string="LTSA Sites", compute="_compute_ltsa_site_ids")

    def _compute_ltsa_site_ids(self):
        sites = self.env["jmsc.ltsa.site"].sudo().with_context(active_test=False)
        for user in self:
            supervised = sites.search([("supervisor_id", "=", user.id)])
            user.ltsa_site_ids = user.sudo().ltsa_desk_ids.site_id | supervised

from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    jmsc_agency_id = fields.Many2one(
        "res.partner", string="JMSC Agency", domain=[("agency_type_id", "!=", False)], index=True
    )
    jmsc_regency_ids = fields.Many2many(
        "jmsc.regency", "jmsc_regency_res_users_rel", "user_id", "regency_id", string="Regencies Served"
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["jmsc_agency_id", "jmsc_regency_ids"]

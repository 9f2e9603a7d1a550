from odoo import fields, models


class ResPartnerIdCategory(models.Model):
    _inherit = "res.partner.id_category"

    jmsc_required_for_departure = fields.Boolean(
        string="Required for Departure",
        help="A migrant cannot be ready to depart without a valid document of this type.",
    )

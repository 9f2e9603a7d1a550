from odoo import fields, models

MIGRATION_STAGES = [
    ("prospective", "Prospective (Calon PMI)"),
    ("ready", "Ready to Depart"),
    ("abroad", "Working Abroad"),
    ("returned", "Returned (Purna PMI)"),
    ("cancelled", "Cancelled"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_migrant = fields.Boolean(string="Is a Migrant", index=True)
    nik = fields.Char(string="NIK", size=16, index=True, copy=False, tracking=True)
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", index=True, tracking=True)
    migration_stage = fields.Selection(MIGRATION_STAGES, default="prospective", index=True, tracking=True)
    gender = fields.Selection([("male", "Male"), ("female", "Female")], tracking=True)
    birthdate_date = fields.Date(string="Birth Date", tracking=True)
    current_country_id = fields.Many2one("res.country", string="Current Country", index=True)
    agency_type_id = fields.Many2one("jmsc.agency.type", index=True, tracking=True)

from odoo import fields, models


class JmscRegency(models.Model):
    """A regency (kabupaten) or city (kota) of Jawa Barat, keyed by its BPS code."""

    _name = "jmsc.regency"
    _description = "Regency or City"
    _order = "code"

    name = fields.Char(required=True, translate=False)
    code = fields.Char(required=True, index=True, help="BPS code, e.g. 32.12 for Indramayu.")
    kind = fields.Selection([("regency", "Regency"), ("city", "City")], required=True, default="regency")
    state_id = fields.Many2one("res.country.state", string="Province")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The BPS code of a regency must be unique."),
    ]

    def _compute_display_name(self):
        for regency in self:
            regency.display_name = f"{regency.code} {regency.name}" if regency.code else regency.name

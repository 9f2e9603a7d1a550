from odoo import fields, models


class JmscCertUnit(models.Model):
    """A unit of competency of a scheme, taken from the SKKNI."""

    _name = "jmsc.cert.unit"
    _description = "Unit of Competency"
    _order = "scheme_id, sequence, code"
    _rec_names_search = ["code", "title"]

    scheme_id = fields.Many2one("jmsc.cert.scheme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    title = fields.Char(required=True, translate=True)

    _sql_constraints = [
        ("code_scheme_unique", "unique(scheme_id, code)", "A unit code appears only once in a scheme."),
    ]

    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f"{unit.code} {unit.title}" if unit.code else unit.title

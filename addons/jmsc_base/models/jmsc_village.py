from odoo import api, fields, models


class JmscVillage(models.Model):
    """A village (desa) or urban village (kelurahan) of Jawa Barat, keyed by its Kemendagri code.

    Data: idn-area-data (Open Database License 1.0), see data/jmsc_area_SOURCE.md.
    """

    _name = "jmsc.village"
    _description = "Village (Desa/Kelurahan)"
    _order = "code"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True)
    code = fields.Char(required=True, index=True, help="Kemendagri code, e.g. 32.12.01.2001.")
    district_id = fields.Many2one("jmsc.district", required=True, index=True, ondelete="restrict")
    regency_id = fields.Many2one(related="district_id.regency_id", store=True, index=True, string="Regency/City")
    kind = fields.Selection(
        [("desa", "Village (Desa)"), ("kelurahan", "Urban Village (Kelurahan)")],
        compute="_compute_kind",
        store=True,
        help="From the code: a serial starting with 1 is a kelurahan, with 2 a desa.",
    )
    active = fields.Boolean(default=True, help="Archived when the code is retired (split or merged villages).")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The Kemendagri code of a village must be unique."),
    ]

    @api.depends("code")
    def _compute_kind(self):
        for village in self:
            serial = (village.code or "").rsplit(".", 1)[-1]
            village.kind = "kelurahan" if serial.startswith("1") else "desa"

    @api.depends("name", "district_id")
    def _compute_display_name(self):
        for village in self:
            district = village.district_id.name
            village.display_name = f"{village.name} ({district})" if district else village.name

from odoo import api, fields, models


class JmscCertVenue(models.Model):
    """An assessment venue (Tempat Uji Kompetensi, TUK)."""

    _name = "jmsc.cert.venue"
    _description = "Assessment Venue (TUK)"
    _inherit = ["jmsc.cert.lsp.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char(index=True)
    kind = fields.Selection(
        [
            ("sewaktu", "Temporary (TUK Sewaktu)"),
            ("workplace", "Workplace (TUK Tempat Kerja)"),
            ("independent", "Independent (TUK Mandiri)"),
        ],
        required=True,
        default="sewaktu",
    )
    lsp_id = fields.Many2one(
        "res.partner", string="LSP", required=True, index=True, domain=[("agency_type_id.code", "=", "lsp")]
    )
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", index=True)
    street = fields.Char(string="Address")
    capacity = fields.Integer()
    active = fields.Boolean(default=True)

    @api.constrains("lsp_id")
    def _check_lsp_of_user(self):
        for venue in self:
            venue._check_own_lsp(venue.lsp_id)

import re

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

PATTERN_PLACEHOLDERS = ("{code}", "{year}", "{seq}")
MAX_NUMBER_ATTEMPTS = 1000


class JmscCertScheme(models.Model):
    """A certification scheme (skema) of an LSP: the competency units assessed and what a candidate needs."""

    _name = "jmsc.cert.scheme"
    _description = "Certification Scheme"
    _inherit = ["mail.thread", "jmsc.cert.lsp.mixin"]
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    occupation = fields.Char()
    skkni_reference = fields.Char(string="SKKNI Reference", help="The national competency standard (SKKNI) decree.")
    validity_months = fields.Integer(default=36, required=True, tracking=True)
    lsp_id = fields.Many2one(
        "res.partner",
        string="LSP",
        required=True,
        index=True,
        tracking=True,
        domain=[("agency_type_id.code", "=", "lsp")],
        help="The certification body (Lembaga Sertifikasi Profesi) licensed by BNSP.",
    )
    unit_ids = fields.One2many("jmsc.cert.unit", "scheme_id", string="Units of Competency", copy=True)
    unit_count = fields.Integer(compute="_compute_unit_count")
    programme_ids = fields.Many2many(
        "jmsc.training.programme",
        "jmsc_cert_scheme_programme_rel",
        "scheme_id",
        "programme_id",
        string="Required Training Programmes",
        help="Programmes a candidate must have completed before the application is verified.",
    )
    document_category_ids = fields.Many2many(
        "res.partner.id_category",
        "jmsc_cert_scheme_id_category_rel",
        "scheme_id",
        "category_id",
        string="Required Documents",
        help="Documents a candidate must hold, valid, before the application is verified.",
    )
    number_pattern = fields.Char(
        string="Certificate Number Pattern",
        required=True,
        default="{code}/{year}/{seq}",
        help="Placeholders: {code} the scheme code, {year} the issue year, {seq} a 5-digit yearly sequence.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a certification scheme must be unique."),
    ]

    def _compute_unit_count(self):
        compute_related_count(self, "unit_count", "jmsc.cert.unit", "scheme_id")

    def _compute_display_name(self):
        for scheme in self:
            scheme.display_name = f"[{scheme.code}] {scheme.name}" if scheme.code else scheme.name

    @api.constrains("lsp_id")
    def _check_lsp_of_user(self):
        for record in self:
            record._check_own_lsp(record.lsp_id)

    @api.constrains("validity_months")
    def _check_validity_months(self):
        for scheme in self:
            if scheme.validity_months <= 0:
                raise ValidationError(
                    self.env._("Scheme %s: the validity in months must be positive.", scheme.display_name)
                )

    @api.constrains("number_pattern")
    def _check_number_pattern(self):
        for scheme in self:
            pattern = scheme.number_pattern or ""
            rest = pattern
            for placeholder in PATTERN_PLACEHOLDERS:
                rest = rest.replace(placeholder, "")
            if "{year}" not in pattern or "{seq}" not in pattern or re.search(r"[{}]", rest):
                raise ValidationError(
                    self.env._(
                        "Scheme %(scheme)s: the certificate number pattern %(pattern)s must contain {year} and "
                        "{seq} and may only use the placeholders {code}, {year} and {seq}.",
                        scheme=scheme.display_name,
                        pattern=pattern,
                    )
                )

    @api.constrains("lsp_id")
    def _check_lsp(self):
        for scheme in self:
            if scheme.lsp_id.agency_type_id.code != "lsp":
                raise ValidationError(
                    self.env._(
                        "Scheme %(scheme)s: %(partner)s is not a certification body (LSP).",
                        scheme=scheme.display_name,
                        partner=scheme.lsp_id.display_name,
                    )
                )

    def _format_certificate_number(self, year, seq):
        self.ensure_one()
        return (
            self.number_pattern.replace("{code}", self.code).replace("{year}", str(year)).replace("{seq}", "%05d" % seq)
        )

    def _certificate_sequence(self, year):
        """The ir.sequence numbering this scheme's certificates of `year`, created on first use."""
        self.ensure_one()
        code = f"jmsc.cert.certificate.{self.id}.{year}"
        sequence = self.env["ir.sequence"].sudo().search([("code", "=", code)], limit=1)
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": f"Certificates {self.code} {year}",
                        "code": code,
                        "implementation": "no_gap",
                        "padding": 0,
                        "number_next": 1,
                        "number_increment": 1,
                        "company_id": False,
                    }
                )
            )
        return sequence

    def _next_certificate_number(self, year):
        """A certificate number not used yet. The scheme row lock serialises issuers of one scheme, so
        the yearly sequence is created once; numbers already taken (a sequence reset by hand) are skipped."""
        self.ensure_one()
        self.env.cr.execute(SQL("SELECT id FROM jmsc_cert_scheme WHERE id = %s FOR NO KEY UPDATE", self.id))
        sequence = self._certificate_sequence(year)
        certificates = self.env["jmsc.cert.certificate"].sudo()
        for _attempt in range(MAX_NUMBER_ATTEMPTS):
            number = self._format_certificate_number(year, int(sequence.next_by_id()))
            if not certificates.search_count([("name", "=", number)], limit=1):
                return number
        raise UserError(
            self.env._(
                "Scheme %s: no free certificate number was found; check its numbering sequence.", self.display_name
            )
        )

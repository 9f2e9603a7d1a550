from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today


class JmscCertAssessor(models.Model):
    """A competency assessor (asesor kompetensi) registered with BNSP (MET number)."""

    _name = "jmsc.cert.assessor"
    _description = "Competency Assessor"
    _inherit = ["mail.thread", "jmsc.cert.lsp.mixin", "jmsc.expiry.mixin"]
    _order = "name"
    _rec_names_search = ["name", "registration_number"]

    _expiry_kind = "assessor"
    _expiry_date_field = "licence_expiry"

    partner_id = fields.Many2one("res.partner", string="Contact", required=True, index=True, ondelete="restrict")
    name = fields.Char(related="partner_id.name", store=True, readonly=True)
    user_id = fields.Many2one("res.users", index=True, help="The user who enters this assessor's results.")
    registration_number = fields.Char(
        string="Registration Number (MET)", required=True, index=True, copy=False, tracking=True
    )
    licence_expiry = fields.Date(required=True, tracking=True)
    expiry_date = fields.Date(related="licence_expiry", store=True, readonly=True, string="Licence Expiry Date")
    licence_state = fields.Selection([("valid", "Valid"), ("expired", "Expired")], compute="_compute_licence_state")
    lsp_id = fields.Many2one(
        "res.partner", string="LSP", required=True, index=True, domain=[("agency_type_id.code", "=", "lsp")]
    )
    scheme_ids = fields.Many2many(
        "jmsc.cert.scheme",
        "jmsc_cert_assessor_scheme_rel",
        "assessor_id",
        "scheme_id",
        string="Qualified Schemes",
        tracking=True,
    )
    event_ids = fields.Many2many(
        "jmsc.cert.event", "jmsc_cert_event_assessor_rel", "assessor_id", "event_id", string="Assessments"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "registration_number_unique",
            "unique(registration_number)",
            "The registration number (MET) of an assessor must be unique.",
        ),
    ]

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Assessor Licence")

    @api.depends("licence_expiry")
    def _compute_licence_state(self):
        today = office_today(self)
        for assessor in self:
            expired = assessor.licence_expiry and assessor.licence_expiry < today
            assessor.licence_state = "expired" if expired else "valid"

    @api.constrains("lsp_id")
    def _check_lsp_of_user(self):
        for record in self:
            record._check_own_lsp(record.lsp_id)

    def _compute_display_name(self):
        for assessor in self:
            assessor.display_name = f"{assessor.name} ({assessor.registration_number})"

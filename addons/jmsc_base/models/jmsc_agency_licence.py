from odoo import api, fields, models


class JmscAgencyLicence(models.Model):
    """A licence an agency must keep valid: a placement agency's permit (SIP3MI), a training centre's
    accreditation, a cooperative's registration. One record per licence, so each is watched for expiry."""

    _name = "jmsc.agency.licence"
    _description = "Agency Licence"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.expiry.mixin"]
    _order = "expiry_date, id"

    _expiry_kind = "agency"

    partner_id = fields.Many2one(
        "res.partner",
        string="Agency",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("agency_type_id", "!=", False)],
        tracking=True,
    )
    licence_type = fields.Selection(
        [
            ("p3mi_permit", "Placement Agency Permit (SIP3MI)"),
            ("accreditation", "Training Centre Accreditation"),
            ("cooperative", "Cooperative Registration"),
            ("other", "Other Licence"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    name = fields.Char(string="Licence Number", required=True, tracking=True)
    issue_date = fields.Date()
    expiry_date = fields.Date(string="Valid Until", required=True, tracking=True)
    active = fields.Boolean(default=True)

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Agency Licence")

    @api.depends("partner_id", "licence_type", "name")
    def _compute_display_name(self):
        types = dict(self._fields["licence_type"]._description_selection(self.env))
        for licence in self:
            licence.display_name = (
                f"{types.get(licence.licence_type, '')} {licence.name or ''} - {licence.partner_id.name or ''}"
            )

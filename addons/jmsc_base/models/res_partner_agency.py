# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class ResPartner(models.Model):
    """Licence of a placement company (P3MI: Perusahaan Penempatan Pekerja Migran Indonesia)."""

    _inherit = "res.partner"

    agency_type_code = fields.Char(related="agency_type_id.code", string="Agency Type Code")
    p3mi_licence_number = fields.Char(
        string="P3MI Licence (SIP3MI)", tracking=True, help="Licence number of the placement company (SIP3MI)."
    )
    p3mi_licence_expiry = fields.Date(string="P3MI Licence Expiry", tracking=True)
    p3mi_licence_expired = fields.Boolean(string="P3MI Licence Expired", compute="_compute_p3mi_licence_expired")

    @api.depends("p3mi_licence_expiry")
    def _compute_p3mi_licence_expired(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.p3mi_licence_expired = bool(partner.p3mi_licence_expiry and partner.p3mi_licence_expiry < today)

    # Licence and users of any agency, for the agency list.
    jmsc_licence_number = fields.Char(
        string="Licence Number", tracking=True, help="Operating licence of the agency, e.g. the SIP3MI of a P3MI."
    )
    jmsc_licence_valid_until = fields.Date(string="Licence Valid Until", tracking=True)
    agency_user_count = fields.Integer(compute="_compute_agency_user_count")
    jmsc_agency_licence_ids = fields.One2many(
        "jmsc.agency.licence", "partner_id", string="Licences", help="Licences watched by the expiry reminders."
    )

    def _compute_agency_user_count(self):
        counts = dict(
            self.env["res.users"]._read_group([("jmsc_agency_id", "in", self.ids)], ["jmsc_agency_id"], ["__count"])
        )
        for partner in self:
            partner.agency_user_count = counts.get(partner._origin, 0)

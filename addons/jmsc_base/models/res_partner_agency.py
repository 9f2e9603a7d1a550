from odoo import fields, models


class ResPartner(models.Model):
    """Agencies (contacts with an agency type): licence and users, for the agency list."""

    _inherit = "res.partner"

    jmsc_licence_number = fields.Char(
        string="Licence Number", tracking=True, help="Operating licence of the agency, e.g. the SIP3MI of a P3MI."
    )
    jmsc_licence_valid_until = fields.Date(string="Licence Valid Until", tracking=True)
    agency_user_count = fields.Integer(string="Agency User Count", compute="_compute_agency_user_count")

    def _compute_agency_user_count(self):
        counts = dict(
            self.env["res.users"]._read_group([("jmsc_agency_id", "in", self.ids)], ["jmsc_agency_id"], ["__count"])
        )
        for partner in self:
            partner.agency_user_count = counts.get(partner._origin, 0)

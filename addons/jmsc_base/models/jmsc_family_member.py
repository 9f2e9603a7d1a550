from odoo import api, fields, models
from odoo.exceptions import ValidationError


class JmscFamilyMember(models.Model):
    """A relative of a migrant, kept as a contact of its own."""

    _name = "jmsc.family.member"
    _description = "Family Member of a Migrant"
    _order = "is_next_of_kin desc, id"

    partner_id = fields.Many2one("res.partner", string="Migrant", required=True, ondelete="cascade", index=True)
    member_id = fields.Many2one("res.partner", string="Relative", required=True, ondelete="restrict", index=True)
    relation = fields.Selection(
        [
            ("spouse", "Spouse"),
            ("father", "Father"),
            ("mother", "Mother"),
            ("child", "Child"),
            ("sibling", "Sibling"),
            ("guardian", "Guardian"),
            ("other", "Other"),
        ],
        required=True,
    )
    is_next_of_kin = fields.Boolean(string="Next of Kin")
    phone = fields.Char(related="member_id.phone")
    mobile = fields.Char(related="member_id.mobile")

    _sql_constraints = [
        ("member_unique", "unique(partner_id, member_id)", "This relative is already listed for the migrant."),
    ]

    @api.constrains("partner_id", "member_id")
    def _check_not_self(self):
        for member in self:
            if member.partner_id == member.member_id:
                raise ValidationError(
                    self.env._("%s cannot be their own family member.", member.partner_id.display_name)
                )

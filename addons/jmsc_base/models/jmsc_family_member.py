from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


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

    @api.model_create_multi
    def create(self, vals_list):
        self._jmsc_check_readable_people(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._jmsc_check_readable_people([vals])
        return super().write(vals)

    def _jmsc_check_readable_people(self, vals_list):
        """Linking a relative must not widen reads: the user must already be allowed to read both people.

        Without this, an officer could link any partner id (even one they cannot open) as a relative of one
        of their migrants, and the relatives' record rule would then show it to them.
        """
        if self.env.su:
            return
        ids = {vals[fname] for vals in vals_list for fname in ("partner_id", "member_id") if vals.get(fname)}
        people = self.env["res.partner"].browse(ids)
        if people and not people.has_access("read"):
            raise AccessError(
                self.env._("You can only list as family members people whose records you may already open.")
            )

    @api.constrains("partner_id", "member_id")
    def _check_not_self(self):
        for member in self:
            if member.partner_id == member.member_id:
                raise ValidationError(
                    self.env._("%s cannot be their own family member.", member.partner_id.display_name)
                )

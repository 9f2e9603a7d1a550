# pylint: disable=consider-merging-classes-inherited
"""Probable duplicates of a migrant (same name and birth date, or same passport) and their merge."""

from odoo import api, fields, models

from ..tools import nik as nik_tools


class ResPartner(models.Model):
    _inherit = "res.partner"

    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        string="Probable Duplicates",
        compute="_compute_duplicate_partner_ids",
        groups="jmsc_base.group_jmsc_user,jmsc_base.group_jmsc_village_officer",
    )

    @api.depends("name", "birthdate_date", "id_numbers.name")
    def _compute_duplicate_partner_ids(self):
        migrants = self.filtered(lambda p: p.is_migrant and p._origin)
        origin_ids = migrants._origin.ids
        same_birth = self.search(
            [
                ("is_migrant", "=", True),
                ("birthdate_date", "in", [d for d in migrants.mapped("birthdate_date") if d]),
                ("id", "not in", origin_ids),
            ]
        )
        # ormcached id: no query to check that the category exists (env.ref would run one per read)
        passport = self.env["res.partner.id_category"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("jmsc_base.doc_type_passport")
        )
        own_passports = migrants.id_numbers.filtered(lambda d: d.category_id == passport)
        same_passport = self.env["res.partner.id_number"].search(
            [
                ("category_id", "=", passport.id),
                ("name", "in", own_passports.mapped("name")),
                ("partner_id", "not in", origin_ids),
            ]
        )
        for partner in self:
            if partner not in migrants:
                partner.duplicate_partner_ids = False
                continue
            name = nik_tools.normalize_name(partner.name)
            by_name = same_birth.filtered(
                lambda o, p=partner, n=name: (
                    o.birthdate_date == p.birthdate_date and nik_tools.normalize_name(o.name) == n
                )
            )
            numbers = set(partner.id_numbers.filtered(lambda d: d.category_id == passport).mapped("name"))
            by_passport = same_passport.filtered(lambda d, n=numbers: d.name in n).partner_id
            partner.duplicate_partner_ids = by_name | by_passport

    def action_merge_duplicates(self):
        self.ensure_one()
        partners = self | self.duplicate_partner_ids
        return {
            "type": "ir.actions.act_window",
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "res.partner", "active_ids": partners.ids},
        }

# pylint: disable=consider-merging-classes-inherited
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


# Kept apart from res_partner.py so the parallel work on jmsc_base merges cleanly.
class ResPartner(models.Model):
    """Official areas on the migrant's address (regency -> district -> village) and the village statistics."""

    _inherit = "res.partner"

    district_id = fields.Many2one(
        "jmsc.district",
        compute="_compute_district_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        domain="[('regency_id', '=?', regency_id)]",
    )
    village_id = fields.Many2one(
        "jmsc.village",
        index="btree_not_null",
        tracking=True,
        domain="[('district_id', '=?', district_id), ('regency_id', '=?', regency_id)]",
    )
    # The free-text fields stay (imports, anonymisation, legacy data) and follow the official area when set.
    # Precomputed: a new partner without area gets its values before the INSERT (no extra fetch).
    district = fields.Char(compute="_compute_area_names", store=True, readonly=False, precompute=True)
    village = fields.Char(compute="_compute_area_names", store=True, readonly=False, precompute=True)
    destination_country_id = fields.Many2one(
        "res.country",
        string="Last Destination",
        compute="_compute_last_placement_facts",
        store=True,
        index="btree_not_null",
        help="Country of the migrant's latest placement (current or past).",
    )
    last_departure_date = fields.Date(compute="_compute_last_placement_facts", store=True, string="Last Departure")
    last_return_date = fields.Date(compute="_compute_last_placement_facts", store=True, string="Last Return")
    nik_area_warning = fields.Char(
        string="NIK Area Warning",
        compute="_compute_nik_area_warning",
        help="Set when the NIK was issued in another regency than the address.",
    )

    @api.depends("village_id")
    def _compute_district_id(self):
        for partner in self:
            if partner.village_id:
                partner.district_id = partner.village_id.district_id

    @api.depends("district_id", "village_id")
    def _compute_area_names(self):
        for partner in self:
            if partner.district_id:
                partner.district = partner.district_id.name
            if partner.village_id:
                partner.village = partner.village_id.name

    @api.depends(
        "placement_ids.state",
        "placement_ids.country_id",
        "placement_ids.departure_date",
        "placement_ids.return_date",
        "placement_ids.contract_start",
    )
    def _compute_last_placement_facts(self):
        for partner in self:
            placements = partner.placement_ids.filtered(lambda p: p.state != "cancelled").sorted(
                lambda p: (p.departure_date or p.contract_start or datetime.date.min, p.id), reverse=True
            )
            last = placements[:1]
            partner.destination_country_id = last.country_id
            partner.last_departure_date = max(
                placements.mapped("departure_date") or [False], key=lambda d: d or datetime.date.min
            )
            partner.last_return_date = max(
                placements.mapped("return_date") or [False], key=lambda d: d or datetime.date.min
            )

    @api.depends("nik", "regency_id")
    def _compute_nik_area_warning(self):
        for partner in self:
            partner.nik_area_warning = partner._jmsc_nik_area_warning()

    @api.constrains("district_id", "village_id", "regency_id")
    def _check_area_cascade(self):
        for partner in self:
            if partner.district_id and partner.regency_id and partner.district_id.regency_id != partner.regency_id:
                raise ValidationError(
                    self.env._(
                        "The district %(district)s of %(name)s is not in %(regency)s but in %(other)s.",
                        district=partner.district_id.name,
                        name=partner.display_name,
                        regency=partner.regency_id.name,
                        other=partner.district_id.regency_id.name,
                    )
                )
            if partner.village_id and partner.village_id.district_id != partner.district_id:
                raise ValidationError(
                    self.env._(
                        "The village %(village)s of %(name)s is not in the district %(district)s.",
                        village=partner.village_id.name,
                        name=partner.display_name,
                        district=partner.district_id.name or "-",
                    )
                )

    @api.onchange("village_id")
    def _onchange_village_id(self):
        if self.village_id:
            self.district_id = self.village_id.district_id
            self.regency_id = self.village_id.regency_id

    @api.onchange("district_id")
    def _onchange_district_id(self):
        if self.district_id:
            self.regency_id = self.district_id.regency_id
        if self.village_id and self.village_id.district_id != self.district_id:
            self.village_id = False

    @api.onchange("regency_id")
    def _onchange_regency_id_area(self):
        if self.district_id and self.district_id.regency_id != self.regency_id:
            self.district_id = False
            self.village_id = False

    @api.onchange("nik", "regency_id")
    def _onchange_nik_area(self):
        message = self._jmsc_nik_area_warning()
        if message:
            return {"warning": {"title": self.env._("NIK issued in another regency"), "message": message}}

    @api.model
    def _jmsc_match_area_names(self):
        """Give migrants typed before the official areas existed their district and village, when the
        free text names exactly one district of their regency (and one village of that district).
        Run after each load of the area files; unmatched text stays as typed. Returns the count matched."""
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.id, MIN(d.id), COUNT(DISTINCT d.id), MIN(v.id), COUNT(DISTINCT v.id)
                  FROM res_partner p
                  JOIN jmsc_district d ON d.regency_id = p.regency_id
                       AND lower(d.name) = lower(btrim(p.district)) AND d.active
                  LEFT JOIN jmsc_village v ON v.district_id = d.id
                       AND lower(v.name) = lower(btrim(p.village)) AND v.active
                 WHERE p.is_migrant AND p.district_id IS NULL AND p.district IS NOT NULL
                 GROUP BY p.id
                """
            )
        )
        by_area = {}
        for partner_id, district_id, n_districts, village_id, n_villages in rows:
            if n_districts != 1:
                continue
            key = (district_id, village_id if n_villages == 1 else False)
            by_area.setdefault(key, []).append(partner_id)
        partners = self.with_context(tracking_disable=True, active_test=False)
        for (district_id, village_id), partner_ids in by_area.items():
            vals = (
                {"district_id": district_id, "village_id": village_id} if village_id else {"district_id": district_id}
            )
            partners.browse(partner_ids).write(vals)
        return sum(len(ids) for ids in by_area.values())

    @api.model
    def action_kantong_pmi_xlsx(self):
        """The Kantong PMI workbook of every migrant the user may see (menu entry)."""
        report = self.env.ref("jmsc_base.report_kantong_pmi_xlsx")
        return report.report_action(self.browse(), data={"scope": "visible"})

    def _jmsc_nik_area_warning(self):
        """A warning when the NIK's district lies in another regency than the address, else False."""
        self.ensure_one()
        # The NIK is named in the message: only for users who may read it.
        nik = self.nik if self.env.su or self.env.user.has_group("jmsc_base.group_jmsc_identity") else False
        regency_code = self.env["jmsc.district"]._jmsc_nik_regency_code(nik)
        if not regency_code or not self.regency_id or self.regency_id.code == regency_code:
            return False
        regency = self.env["jmsc.regency"].search([("code", "=", regency_code)], limit=1)
        return self.env._(
            "The NIK %(nik)s was issued in %(nik_regency)s, but the address is in %(regency)s. "
            "Check the address if the migrant has not moved.",
            nik=nik,
            nik_regency=regency.name or regency_code,
            regency=self.regency_id.name,
        )

    def _jmsc_check_nik_district(self, district_codes=None):
        """Refuse a NIK of Jawa Barat whose region digits name no district (called from _check_nik)."""
        District = self.env["jmsc.district"]
        if district_codes is None:
            district_codes = District._jmsc_district_regency_codes()
        for partner in self:
            reason = District._jmsc_nik_district_error(partner.nik, district_codes)
            if reason:
                raise ValidationError(
                    self.env._(
                        "%(label)s %(number)s of %(name)s is invalid: %(reason)s.",
                        label=self.env._("NIK"),
                        number=partner.nik,
                        name=partner.display_name or self.env._("the new record"),
                        reason=reason,
                    )
                )

    def _jmsc_anonymize(self):
        result = super()._jmsc_anonymize()
        # Like the free-text district and village, the official ones could single a person out.
        self.with_context(tracking_disable=True).write(
            {"district_id": False, "village_id": False, "district": False, "village": False}
        )
        return result

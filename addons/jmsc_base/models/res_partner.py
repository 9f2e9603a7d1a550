import datetime
import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import nik as nik_tools
from ..tools.office_day import office_today

MIGRATION_STAGES = [
    ("prospective", "Prospective (Calon PMI)"),
    ("ready", "Ready to Depart"),
    ("abroad", "Working Abroad"),
    ("returned", "Returned (Purna PMI)"),
    ("cancelled", "Cancelled"),
]

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_migrant = fields.Boolean(string="Is a Migrant", index=True)
    jmsc_relative_link_ids = fields.One2many(
        "jmsc.family.member", "member_id", string="Relative Of", help="The migrants who list this contact as family."
    )
    jmsc_is_relative = fields.Boolean(
        string="Relative of a Migrant",
        compute="_compute_jmsc_is_relative",
        store=True,
        index=True,
        help="Listed as a family member of a migrant: as protected as a migrant (readme/SECURITY.md).",
    )
    jmsc_reference = fields.Char(
        string="Migrant Reference", compute="_compute_jmsc_reference", help="Printed reference, without the NIK."
    )
    # The KTP and KK identity documents (res.partner.id_number) hold these numbers: res_partner_nik.py.
    nik = fields.Char(
        string="NIK",
        index=True,
        copy=False,
        tracking=True,
        groups="jmsc_base.group_jmsc_identity",
        compute="_compute_nik",
        inverse="_inverse_nik",
        store=True,
        readonly=False,
    )
    kk_number = fields.Char(
        string="Family Card (KK) Number",
        copy=False,
        tracking=True,
        groups="jmsc_base.group_jmsc_identity",
        compute="_compute_kk_number",
        inverse="_inverse_kk_number",
        store=True,
        readonly=False,
    )
    place_of_birth = fields.Char()
    marital_status = fields.Selection(
        [("single", "Single"), ("married", "Married"), ("divorced", "Divorced"), ("widowed", "Widowed")]
    )
    education_level = fields.Selection(
        [
            ("none", "No Schooling"),
            ("sd", "Primary School (SD)"),
            ("smp", "Junior High School (SMP)"),
            ("sma", "Senior High School (SMA/SMK)"),
            ("diploma", "Diploma (D1-D4)"),
            ("bachelor", "Bachelor (S1)"),
            ("master", "Postgraduate (S2/S3)"),
        ]
    )
    religion = fields.Selection(
        [
            ("islam", "Islam"),
            ("protestant", "Protestant"),
            ("catholic", "Catholic"),
            ("hindu", "Hindu"),
            ("buddhist", "Buddhist"),
            ("confucian", "Confucian"),
            ("other", "Other Belief"),
        ],
        groups="jmsc_base.group_jmsc_identity",
    )
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", index=True, tracking=True)
    district = fields.Char(string="District (Kecamatan)")
    village = fields.Char(string="Village (Desa/Kelurahan)")
    migration_stage = fields.Selection(MIGRATION_STAGES, default="prospective", index=True, tracking=True)
    stage_history_ids = fields.One2many("jmsc.stage.history", "partner_id")
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        compute="_compute_nik_identity",
        store=True,
        readonly=False,
        tracking=True,
    )
    birthdate_date = fields.Date(
        string="Birth Date", compute="_compute_nik_identity", store=True, readonly=False, tracking=True
    )
    birth_year = fields.Integer(compute="_compute_birth_year", store=True, readonly=False, aggregator=False)
    age = fields.Integer(compute="_compute_age")
    family_member_ids = fields.One2many("jmsc.family.member", "partner_id", string="Family Members")
    placement_ids = fields.One2many("jmsc.placement", "partner_id", string="Placements")
    placement_count = fields.Integer(compute="_compute_placement_count")
    current_placement_id = fields.Many2one(
        "jmsc.placement", compute="_compute_current_placement_id", store=True, index="btree_not_null"
    )
    current_country_id = fields.Many2one(
        "res.country",
        compute="_compute_current_country_id",
        store=True,
        readonly=False,
        index=True,
        help="Where the migrant works now: the country of the active placement.",
    )
    document_count = fields.Integer(compute="_compute_document_count")
    consent_ids = fields.One2many("jmsc.consent", "partner_id", string="Consents")
    has_active_consent = fields.Boolean(compute="_compute_has_active_consent", store=True, index=True)
    health_notes = fields.Text(groups="jmsc_base.group_jmsc_manager", tracking=True)
    agency_type_id = fields.Many2one("jmsc.agency.type", index=True, tracking=True)
    agency_user_ids = fields.One2many("res.users", "jmsc_agency_id", string="Agency Users")

    def _compute_jmsc_reference(self):
        for partner in self:
            partner.jmsc_reference = f"PMI-{partner._origin.id:06d}" if partner._origin.id else False

    @api.depends("nik")
    def _compute_nik_identity(self):
        today = office_today(self)
        for partner in self:
            try:
                gender, born, _region = nik_tools.parse_nik(partner.nik, today)
            except nik_tools.NikError:
                continue
            partner.gender = gender
            partner.birthdate_date = born

    @api.depends("jmsc_relative_link_ids.partner_id.is_migrant")
    def _compute_jmsc_is_relative(self):
        for partner in self:
            partner.jmsc_is_relative = any(link.partner_id.is_migrant for link in partner.jmsc_relative_link_ids)

    @api.depends("birthdate_date")
    def _compute_birth_year(self):
        for partner in self:
            if partner.birthdate_date:
                partner.birth_year = partner.birthdate_date.year

    @api.depends("birthdate_date")
    def _compute_age(self):
        today = office_today(self)
        for partner in self:
            born = partner.birthdate_date
            partner.age = today.year - born.year - ((today.month, today.day) < (born.month, born.day)) if born else 0

    # The smart-button counts are computed from the one2many fields of the stored records (one query each for
    # all the records, under the same record rules as a _read_group): the form reads these lists anyway, so a
    # form costs no extra query per count; the list view shows no count and computes none. Like the
    # _read_group they replace, they count what is saved (no dependencies: an edited form keeps them).
    def _compute_placement_count(self):
        for partner in self:
            partner.placement_count = len(partner._origin.placement_ids)

    def _compute_document_count(self):
        for partner in self:
            partner.document_count = len(partner._origin.id_numbers)

    @api.depends("placement_ids.state", "placement_ids.departure_date")
    def _compute_current_placement_id(self):
        for partner in self:
            active = partner.placement_ids.filtered(lambda p: p.state == "active")
            partner.current_placement_id = active.sorted(lambda p: p.departure_date or datetime.date.min, reverse=True)[
                :1
            ]

    @api.depends("current_placement_id.country_id")
    def _compute_current_country_id(self):
        for partner in self:
            partner.current_country_id = partner.current_placement_id.country_id

    @api.depends("consent_ids.withdrawal_date")
    def _compute_has_active_consent(self):
        for partner in self:
            partner.has_active_consent = any(not consent.withdrawal_date for consent in partner.consent_ids)

    @api.constrains("is_migrant", "regency_id")
    def _check_migrant_regency(self):
        for partner in self:
            if partner.is_migrant and not partner.regency_id:
                raise ValidationError(
                    self.env._("The migrant %(name)s needs a regency or city.", name=partner.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        indonesia = self.env.ref("base.id") if any(v.get("mobile") for v in vals_list) else None
        for vals in vals_list:
            # A new migrant may start in any stage (a Purna PMI registers as returned), but the flags are
            # set by their own methods only.
            self._jmsc_check_guarded_fields(vals, allowed={"migration_stage"})
            self._jmsc_clean_vals(vals, vals.get("is_migrant"), indonesia)
            if vals.get("is_migrant") and vals.get("nik") and not vals.get("regency_id"):
                vals["regency_id"] = self._jmsc_regency_from_nik(vals["nik"], check=True).id
        self._jmsc_check_nik_unique([(vals["nik"], False) for vals in vals_list if vals.get("nik")])
        partners = super().create(vals_list)
        migrants = partners.filtered("is_migrant")
        if not self.env.su:
            # Registering someone as ready to depart needs the same documents as the button.
            migrants.filtered(lambda p: p.migration_stage == "ready")._jmsc_check_departure_documents()
        if migrants:
            self.env["jmsc.stage.history"].sudo().create(
                [{"partner_id": p.id, "stage_to": p.migration_stage} for p in migrants]
            )
        return partners

    def write(self, vals):
        vals = dict(vals)
        self._jmsc_check_guarded_fields(vals)
        if "is_migrant" in vals and not vals["is_migrant"]:
            self._jmsc_check_unflag_migrant()
        self._jmsc_clean_vals(vals, vals.get("is_migrant", any(self.mapped("is_migrant"))))
        if vals.get("nik") and "regency_id" not in vals:
            # A migrant without a regency gets the one the NIK was issued in (same rule as create).
            empty = self.filtered(lambda p: not p.regency_id and vals.get("is_migrant", p.is_migrant))
            nik_regency = empty and self._jmsc_regency_from_nik(vals["nik"])
            if nik_regency:
                if empty == self:
                    vals["regency_id"] = nik_regency.id
                else:
                    empty.write({"regency_id": nik_regency.id})
        new_stage = vals.get("migration_stage")
        moving = (
            self.filtered(lambda p: p.is_migrant and p.migration_stage != new_stage) if new_stage else self.browse()
        )
        if new_stage == "ready":
            moving._jmsc_check_departure_documents()
        previous = {partner.id: partner.migration_stage for partner in moving}
        result = super().write(vals)
        if moving:
            self.env["jmsc.stage.history"].sudo().create(
                [{"partner_id": p.id, "stage_from": previous[p.id], "stage_to": new_stage} for p in moving]
            )
        return result

    def action_view_documents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Documents of %s", self.display_name),
            "res_model": "res.partner.id_number",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("jmsc_base.res_partner_id_number_view_list_jmsc").id, "list"),
                (self.env.ref("jmsc_base.res_partner_id_number_view_form_jmsc").id, "form"),
            ],
            "search_view_id": self.env.ref("jmsc_base.res_partner_id_number_view_search_jmsc").id,
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_view_placements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Placements of %s", self.display_name),
            "res_model": "jmsc.placement",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def _jmsc_clean_vals(self, vals, is_migrant, default_country=None):
        """Strip the NIK and KK, and put a migrant's mobile in E.164."""
        for fname in ("nik", "kk_number"):
            if fname in vals:
                vals[fname] = "".join((vals[fname] or "").split()) or False
        if is_migrant and vals.get("mobile"):
            country = self.env["res.country"].browse(vals["country_id"]) if vals.get("country_id") else False
            if not country and len(self) == 1:
                country = self.country_id
            country = country or default_country or self.env.ref("base.id")
            formatted = self._phone_format_number(vals["mobile"], country, force_format="E164")
            if not formatted:
                raise ValidationError(
                    self.env._(
                        "The mobile number %(number)s of %(name)s is not a valid number for %(country)s.",
                        number=vals["mobile"],
                        name=vals.get("name") or self.display_name,
                        country=country.name,
                    )
                )
            vals["mobile"] = formatted

    # ---- Migrant form hub and agency list (helper baseux) -------------------------------------
    # The migrant form is the hub: counts for its smart buttons (other modules add theirs).

    family_member_count = fields.Integer(compute="_compute_jmsc_hub_counts")
    consent_count = fields.Integer(string="Active Consents", compute="_compute_jmsc_hub_counts")

    def _compute_jmsc_hub_counts(self):
        for partner in self:
            origin = partner._origin
            partner.family_member_count = len(origin.family_member_ids)
            partner.consent_count = len(origin.consent_ids.filtered(lambda consent: not consent.withdrawal_date))

    def action_view_family_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Family of %s", self.display_name),
            "res_model": "jmsc.family.member",
            "view_mode": "list,form",
            "views": [(self.env.ref("jmsc_base.jmsc_family_member_view_list").id, "list"), (False, "form")],
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_view_consents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.jmsc_consent_action")
        action.update(
            name=self.env._("Consents of %s", self.display_name),
            domain=[("partner_id", "=", self.id)],
            context={"default_partner_id": self.id},
        )
        return action

import datetime
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools import nik as nik_tools

MIGRATION_STAGES = [
    ("prospective", "Prospective (Calon PMI)"),
    ("ready", "Ready to Depart"),
    ("abroad", "Working Abroad"),
    ("returned", "Returned (Purna PMI)"),
    ("cancelled", "Cancelled"),
]
STAGE_TRANSITIONS = {
    "prospective": {"ready", "cancelled"},
    "ready": {"prospective", "abroad", "cancelled"},
    "abroad": {"returned", "cancelled"},
    "returned": {"prospective"},
    "cancelled": {"prospective"},
}
EXPIRY_WARNING_DAYS = 90

_logger = logging.getLogger(__name__)

# Write guards (readme/SECURITY.md, "Write guards"). A guarded field changes only through its method, which
# passes one of these tokens in the context. They are plain Python objects: a JSON-RPC client can put any
# key in its context but cannot produce these values, so a forged context never opens a guard.
STAGE_TOKEN = object()
ANONYMIZE_TOKEN = object()
GUARD_CONTEXT_KEY = "jmsc_base_write_guard"
# field -> the token that opens it (None: only the ORM itself, computing the field, sets it)
GUARDED_FIELDS = {
    "migration_stage": STAGE_TOKEN,
    "is_anonymized": ANONYMIZE_TOKEN,
    "anonymized_date": ANONYMIZE_TOKEN,
    "anonymized_by_id": ANONYMIZE_TOKEN,
    "jmsc_is_relative": None,
    "has_active_consent": None,
    "current_placement_id": None,
}


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
    nik = fields.Char(string="NIK", index=True, copy=False, tracking=True, groups="jmsc_base.group_jmsc_identity")
    nik_region_code = fields.Char(
        string="NIK Region Code",
        compute="_compute_nik_region",
        groups="jmsc_base.group_jmsc_identity",
        help="District where the NIK was first issued (province.regency.district); not the current address.",
    )
    nik_region_name = fields.Char(
        string="NIK Issued In", compute="_compute_nik_region", groups="jmsc_base.group_jmsc_identity"
    )
    kk_number = fields.Char(
        string="Family Card (KK) Number", copy=False, tracking=True, groups="jmsc_base.group_jmsc_identity"
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
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        string="Probable Duplicates",
        compute="_compute_duplicate_partner_ids",
        groups="jmsc_base.group_jmsc_user,jmsc_base.group_jmsc_village_officer",
    )
    is_anonymized = fields.Boolean(readonly=True, copy=False)
    anonymized_date = fields.Datetime(readonly=True, copy=False)
    anonymized_by_id = fields.Many2one("res.users", string="Anonymised By", readonly=True, copy=False)
    agency_type_id = fields.Many2one("jmsc.agency.type", index=True, tracking=True)
    agency_user_ids = fields.One2many("res.users", "jmsc_agency_id", string="Agency Users")

    _sql_constraints = [
        ("nik_unique", "unique(nik)", "This NIK is already registered for another person."),
    ]

    def _compute_jmsc_reference(self):
        for partner in self:
            partner.jmsc_reference = f"PMI-{partner._origin.id:06d}" if partner._origin.id else False

    @api.depends("nik")
    def _compute_nik_identity(self):
        today = fields.Date.context_today(self)
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
        today = fields.Date.context_today(self)
        for partner in self:
            born = partner.birthdate_date
            partner.age = today.year - born.year - ((today.month, today.day) < (born.month, born.day)) if born else 0

    @api.depends("nik")
    def _compute_nik_region(self):
        codes = {p.nik[:4] for p in self if p.nik and len(p.nik) >= 4}
        regencies = self.env["jmsc.regency"].sudo().search([("code", "in", [f"{c[:2]}.{c[2:]}" for c in codes])])
        regency_by_code = {r.code.replace(".", ""): r.name for r in regencies}
        for partner in self:
            nik = partner.nik or ""
            if len(nik) == 16 and nik.isdigit():
                partner.nik_region_code = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"
                partner.nik_region_name = regency_by_code.get(nik[:4]) or nik_tools.PROVINCE_CODES.get(nik[:2])
            else:
                partner.nik_region_code = partner.nik_region_name = False

    def _compute_placement_count(self):
        counts = dict(
            self.env["jmsc.placement"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.placement_count = counts.get(partner._origin, 0)

    def _compute_document_count(self):
        counts = dict(
            self.env["res.partner.id_number"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.document_count = counts.get(partner._origin, 0)

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
        passport = self.env.ref("jmsc_base.doc_type_passport")
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

    @api.constrains("nik", "gender", "birthdate_date")
    def _check_nik(self):
        today = fields.Date.context_today(self)
        regency_codes = self._jmsc_regency_codes() if any(self.mapped("nik")) else set()
        for partner in self:
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(
                    self.env._(
                        "The birth date %(date)s of %(name)s is in the future.",
                        date=partner.birthdate_date,
                        name=partner.display_name,
                    )
                )
            if not partner.nik:
                continue
            try:
                gender, born, _region = nik_tools.parse_nik(partner.nik, today, regency_codes)
            except nik_tools.NikError as err:
                raise ValidationError(partner._jmsc_nik_error_message(partner.nik, err)) from err
            partner._jmsc_check_nik_district()  # areas: region digits name a real district (res_partner_area.py)
            if partner.gender and partner.gender != gender:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s of %(name)s belongs to a %(nik_gender)s but the gender is %(gender)s.",
                        nik=partner.nik,
                        name=partner.display_name,
                        nik_gender=dict(partner._fields["gender"]._description_selection(self.env))[gender],
                        gender=dict(partner._fields["gender"]._description_selection(self.env))[partner.gender],
                    )
                )
            if partner.birthdate_date and partner.birthdate_date != born:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s of %(name)s gives the birth date %(nik_date)s but the birth date is %(date)s.",
                        nik=partner.nik,
                        name=partner.display_name,
                        nik_date=born,
                        date=partner.birthdate_date,
                    )
                )
        self._jmsc_check_nik_unique([(p.nik, p.id) for p in self if p.nik])

    @api.constrains("kk_number")
    def _check_kk_number(self):
        regency_codes = self._jmsc_regency_codes() if any(self.mapped("kk_number")) else set()
        for partner in self.filtered("kk_number"):
            try:
                nik_tools.check_family_card(partner.kk_number, regency_codes)
            except nik_tools.NikError as err:
                raise ValidationError(
                    partner._jmsc_nik_error_message(partner.kk_number, err, label=self.env._("Family card number"))
                ) from err

    @api.constrains("is_migrant", "regency_id")
    def _check_migrant_regency(self):
        for partner in self:
            if partner.is_migrant and not partner.regency_id:
                raise ValidationError(
                    self.env._("The migrant %(name)s needs a regency or city.", name=partner.display_name)
                )

    @api.onchange("nik", "regency_id")
    def _onchange_nik(self):
        """Strip the NIK, fill an empty regency from it, warn when it was issued elsewhere."""
        if not self.nik:
            return None
        self.nik = "".join(self.nik.split())
        nik_regency = self._jmsc_regency_from_nik(self.nik)
        if not nik_regency:
            return None
        if not self.regency_id:
            self.regency_id = nik_regency
            return None
        if self.regency_id != nik_regency:
            return {
                "warning": {
                    "title": self.env._("NIK from another regency"),
                    "message": self.env._(
                        "The NIK %(nik)s was issued in %(nik_regency)s but the regency chosen is %(regency)s. "
                        "Check the NIK and the regency; a person who moved keeps the NIK of the first regency.",
                        nik=self.nik,
                        nik_regency=nik_regency.name,
                        regency=self.regency_id.name,
                    ),
                }
            }
        return None

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

    def action_stage_ready(self):
        return self._jmsc_move_to_stage("ready")

    def action_stage_abroad(self):
        return self._jmsc_move_to_stage("abroad")

    def action_stage_returned(self):
        return self._jmsc_move_to_stage("returned")

    def action_stage_cancelled(self):
        return self._jmsc_move_to_stage("cancelled")

    def action_stage_prospective(self):
        return self._jmsc_move_to_stage("prospective")

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

    def _jmsc_move_to_stage(self, stage):
        if not self.env.su and not self.env.user.has_group("jmsc_base.group_jmsc_regency_officer"):
            raise AccessError(self.env._("Only Regency Officers and above can move a migrant to another stage."))
        labels = dict(self._fields["migration_stage"]._description_selection(self.env))
        for partner in self:
            if stage not in STAGE_TRANSITIONS[partner.migration_stage]:
                raise UserError(
                    self.env._(
                        "%(name)s cannot move from %(from)s to %(to)s.",
                        name=partner.display_name,
                        **{"from": labels[partner.migration_stage], "to": labels[stage]},
                    )
                )
        # The user's own write access (ACL and record rules) still applies; the token opens only the guard.
        self.with_context(**{GUARD_CONTEXT_KEY: STAGE_TOKEN}).write({"migration_stage": stage})
        return True

    def _jmsc_valid_document_map(self):
        """{partner_id: document categories the partner holds an open, unexpired document of}, in one query."""
        today = fields.Date.context_today(self)
        documents = (
            self.env["res.partner.id_number"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("status", "!=", "close"),
                    "|",
                    ("valid_until", "=", False),
                    ("valid_until", ">=", today),
                ]
            )
        )
        result = {partner.id: self.env["res.partner.id_category"] for partner in self}
        for document in documents:
            result[document.partner_id.id] |= document.category_id.with_env(self.env)
        return result

    def _jmsc_check_departure_documents(self):
        """Refuse departure while a required document is missing or expired."""
        required = self.env["res.partner.id_category"].sudo().search([("jmsc_required_for_departure", "=", True)])
        valid_map = self._jmsc_valid_document_map()
        for partner in self:
            missing = required - valid_map[partner.id]
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be ready to depart: these documents are missing or expired: %(docs)s.",
                        name=partner.display_name,
                        docs=", ".join(missing.mapped("name")),
                    )
                )

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

    def _jmsc_nik_error_message(self, number, err, label=None):
        label = label or self.env._("NIK")
        name = self.display_name or self.env._("the new record")
        return self.env._(
            "%(label)s %(number)s of %(name)s is invalid: %(reason)s.",
            label=label,
            number=number,
            name=name,
            reason=self._jmsc_nik_error_reason(err),
        )

    def _jmsc_nik_error_reason(self, err):
        if err.code == "length":
            return self.env._("it must be exactly 16 digits")
        if err.code == "digits":
            return self.env._("it must be exactly 16 digits written with the characters 0-9 only")
        if err.code == "province":
            return self.env._("the province code %s does not exist", err.params["province"])
        if err.code == "regency":
            return self.env._(
                "the regency code %(regency)s does not exist in %(province)s",
                regency=err.params["regency"],
                province=err.params["province"],
            )
        if err.code == "district":
            return self.env._("the district code %s does not exist", err.params["district"])
        if err.code == "date":
            return self.env._("the birth date part %s is not a real date", err.params["date"])
        return self.env._("the serial number cannot be 0000")

    @api.model
    def _jmsc_regency_codes(self):
        """Known regency codes without the dot ({"3212", ...}), archived ones included."""
        regencies = self.env["jmsc.regency"].sudo().with_context(active_test=False).search([])
        return {code.replace(".", "") for code in regencies.mapped("code")}

    @api.model
    def _jmsc_regency_from_nik(self, nik, check=False):
        """The active regency whose code the NIK carries, or an empty recordset.

        With ``check``, an invalid NIK raises its ValidationError first (rather than "needs a regency").
        """
        nik = "".join(nik.split()) if isinstance(nik, str) else None
        if check:
            try:
                nik_tools.parse_nik(nik, fields.Date.context_today(self), self._jmsc_regency_codes())
            except nik_tools.NikError as err:
                raise ValidationError(self._jmsc_nik_error_message(nik, err)) from err
        code = nik_tools.regency_code(nik)
        if not code:
            return self.env["jmsc.regency"]
        return self.env["jmsc.regency"].search([("code", "=", code)], limit=1)

    def _jmsc_check_guarded_fields(self, vals, allowed=()):
        """Refuse a guarded field (GUARDED_FIELDS) written outside the method meant for it."""
        if self.env.su:
            return
        token = self.env.context.get(GUARD_CONTEXT_KEY)
        for fname in GUARDED_FIELDS.keys() & vals.keys():
            if fname in allowed or (GUARDED_FIELDS[fname] is not None and token is GUARDED_FIELDS[fname]):
                continue
            field_label = self._fields[fname]._description_string(self.env)
            if fname == "migration_stage":
                how = self.env._("use the stage buttons on the migrant form")
            elif GUARDED_FIELDS[fname] is ANONYMIZE_TOKEN:
                how = self.env._("use the Anonymise wizard (JMSC Managers)")
            else:
                how = self.env._("it is computed by the system")
            raise UserError(
                self.env._("The field %(field)s cannot be changed directly: %(how)s.", field=field_label, how=how)
            )

    def _jmsc_check_unflag_migrant(self):
        """Un-marking a migrant would show them to every internal user: JMSC Managers only."""
        if self.env.su or self.env.user.has_group("jmsc_base.group_jmsc_manager"):
            return
        migrants = self.filtered("is_migrant")
        if migrants:
            raise UserError(
                self.env._(
                    "Only a JMSC Manager can remove the migrant mark of %s: without it the person's data "
                    "would be visible to every internal user.",
                    ", ".join(migrants.mapped("display_name")),
                )
            )

    @api.model
    def jmsc_migrant_card(self, nik):
        """Find a migrant by NIK and return only a minimal card, whatever the caller may read.

        Any internal user may call it (e.g. to enrol, register a member or open a request) without gaining
        read access to the migrant: {"match": bool, "partner_id": int|False, "initials": "A. S.",
        "regency": "Kab. Indramayu"}.
        """
        if not self.env.user._is_internal():
            raise AccessError(self.env._("Only internal users can look a migrant up by NIK."))
        number = "".join(nik.split()) if isinstance(nik, str) else ""
        try:
            nik_tools.parse_nik(number, fields.Date.context_today(self), self._jmsc_regency_codes())
        except nik_tools.NikError as err:
            raise UserError(
                self.env._(
                    "The NIK %(nik)s is invalid: %(reason)s.",
                    nik=number or "-",
                    reason=self._jmsc_nik_error_reason(err),
                )
            ) from err
        # sudo: the caller may have no right to read this migrant. Only the card below leaves this method,
        # never the record: initials, regency and the id (which the caller still cannot open).
        migrant = (
            self.sudo()
            .with_context(active_test=False)
            .search([("nik", "=", number), ("is_migrant", "=", True)], limit=1)
        )
        _logger.info("jmsc_migrant_card: uid %s looked a NIK up (match: %s)", self.env.uid, bool(migrant))
        return self._jmsc_card_of_partner(migrant)

    @api.model
    def _jmsc_card_of_partner(self, migrant):
        """The minimal card of a migrant found (with sudo) by an exact identifier: initials and regency only."""
        if len(migrant) != 1:
            return {"match": False, "partner_id": False, "initials": "", "regency": ""}
        regency = migrant.regency_id.name or ""
        for long, short in (("Kabupaten ", "Kab. "), ("Kota ", "Kota ")):
            if regency.startswith(long):
                regency = short + regency[len(long) :]
        return {
            "match": True,
            "partner_id": migrant.id,
            "initials": nik_tools.initials(migrant.name),
            "regency": regency,
        }

    @api.model
    def _jmsc_migrant_card_or_none(self, nik):
        """The card for a search box: a string that is not a valid NIK is simply no match."""
        try:
            return self.jmsc_migrant_card(nik)
        except AccessError:
            raise
        except UserError:
            return {"match": False, "partner_id": False, "initials": "", "regency": ""}

    @api.model
    def _jmsc_check_nik_unique(self, nik_and_ids):
        """Raise a ValidationError naming the owner of any NIK already taken.

        ``nik_and_ids`` is a list of (nik, id of the record that carries it, or False).
        The database is read without flushing, so pending writes of ``self`` do not trip
        the SQL constraint before this readable message is raised.
        """
        seen = {}
        for nik, record_id in nik_and_ids:
            if nik in seen and (not record_id or seen[nik] != record_id):
                raise ValidationError(self.env._("The NIK %s appears twice in the same batch.", nik))
            seen[nik] = record_id
        if not seen:
            return
        own_ids = [record_id for record_id in seen.values() if record_id]
        rows = self.env.execute_query(
            SQL(
                "SELECT nik, id FROM res_partner WHERE nik = ANY(%s) AND NOT (id = ANY(%s)) LIMIT 1",
                list(seen),
                own_ids,
            )
        )
        if not rows:
            return
        nik, owner_id = rows[0]
        owner = self.browse(owner_id)
        if owner.has_access("read"):
            raise ValidationError(
                self.env._(
                    "The NIK %(nik)s is already registered for %(owner)s (record %(id)s).",
                    nik=nik,
                    owner=owner.display_name,
                    id=owner_id,
                )
            )
        raise ValidationError(
            self.env._(
                "The NIK %(nik)s is already registered for a person of %(regency)s whose record you cannot "
                "open (record %(id)s). Ask a Provincial Officer.",
                nik=nik,
                regency=owner.sudo().regency_id.display_name or "-",
                id=owner_id,
            )
        )

    def _jmsc_anonymize(self):
        """Scrub personal data, keep the anonymous statistics. Callers check the rights."""
        personal = {
            "nik": False,
            "kk_number": False,
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "zip": False,
            "city": False,
            "place_of_birth": False,
            "district": False,
            "village": False,
            "vat": False,
            "website": False,
            "comment": False,
            "health_notes": False,
            "image_1920": False,
            "is_anonymized": True,
            "anonymized_date": fields.Datetime.now(),
            "anonymized_by_id": self.env.uid,
        }
        for partner in self:
            born = partner.birthdate_date
            partner.with_context(tracking_disable=True, **{GUARD_CONTEXT_KEY: ANONYMIZE_TOKEN}).write(
                dict(
                    personal,
                    name=self.env._("Anonymised migrant %s", partner.id),
                    birthdate_date=born and datetime.date(born.year, 1, 1),
                    birth_year=born and born.year,
                )
            )
        self.family_member_ids.unlink()
        self.consent_ids.unlink()
        self.id_numbers.unlink()
        placements = self.placement_ids
        placements.with_context(tracking_disable=True).write(
            {"employer": False, "agreement_number": False, "salary": 0.0}
        )
        self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "in", self.ids),
                "&",
                ("model", "=", "jmsc.placement"),
                ("res_id", "in", placements.ids),
            ]
        ).unlink()
        self.env["ir.attachment"].search([("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        self.activity_ids.unlink()

    # ---- Migrant form hub and agency list (helper baseux) -------------------------------------
    # The migrant form is the hub: counts for its smart buttons (other modules add theirs).

    family_member_count = fields.Integer(compute="_compute_jmsc_hub_counts")
    consent_count = fields.Integer(string="Active Consents", compute="_compute_jmsc_hub_counts")

    def _compute_jmsc_hub_counts(self):
        families = dict(
            self.env["jmsc.family.member"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        consents = dict(
            self.env["jmsc.consent"]._read_group(
                [("partner_id", "in", self.ids), ("withdrawal_date", "=", False)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.family_member_count = families.get(partner._origin, 0)
            partner.consent_count = consents.get(partner._origin, 0)

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

    # Agencies (contacts with an agency type): licence and users, for the agency list.

    jmsc_licence_number = fields.Char(
        string="Licence Number", tracking=True, help="Operating licence of the agency, e.g. the SIP3MI of a P3MI."
    )
    jmsc_licence_valid_until = fields.Date(string="Licence Valid Until", tracking=True)
    agency_user_count = fields.Integer(compute="_compute_agency_user_count")

    def _compute_agency_user_count(self):
        counts = dict(
            self.env["res.users"]._read_group([("jmsc_agency_id", "in", self.ids)], ["jmsc_agency_id"], ["__count"])
        )
        for partner in self:
            partner.agency_user_count = counts.get(partner._origin, 0)

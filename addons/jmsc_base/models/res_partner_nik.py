# pylint: disable=consider-merging-classes-inherited
"""NIK and family card (KK): validation, uniqueness, the regency a NIK was issued in."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools import nik as nik_tools
from ..tools.office_day import office_today
from .res_partner_id_number import IDENTITY_CHECKED


class ResPartner(models.Model):
    _inherit = "res.partner"

    nik_region_code = fields.Char(
        string="NIK Region Code",
        compute="_compute_nik_region",
        groups="jmsc_base.group_jmsc_identity",
        help="District where the NIK was first issued (province.regency.district); not the current address.",
    )
    nik_region_name = fields.Char(
        string="NIK Issued In", compute="_compute_nik_region", groups="jmsc_base.group_jmsc_identity"
    )
    _sql_constraints = [
        ("nik_unique", "unique(nik)", "This NIK is already registered for another person."),
    ]

    @api.depends("id_numbers.name", "id_numbers.category_id", "id_numbers.active")
    def _compute_nik(self):
        """The NIK is the number of the active KTP document (partner_identification's pattern)."""
        self._compute_identification("nik", "KTP")

    def _inverse_nik(self):
        self._jmsc_inverse_identity("nik", "KTP")

    @api.depends("id_numbers.name", "id_numbers.category_id", "id_numbers.active")
    def _compute_kk_number(self):
        self._compute_identification("kk_number", "KK")

    def _inverse_kk_number(self):
        self._jmsc_inverse_identity("kk_number", "KK")

    def _jmsc_inverse_identity(self, field_name, code):
        """partner_identification's ``_inverse_identification``, for a whole batch at once: the field's value
        becomes the number of the partner's one active document of the category (created, renamed, or
        archived when the field is emptied). The partner's own constraint has checked the value."""
        # sudo: write() checked the field's group (identity) and the write access on these partners.
        partners = self.sudo()
        category = self.env["res.partner.id_category"].sudo().search([("code", "=", code)], limit=1)
        if not category:
            category = self.env["res.partner.id_category"].sudo().create({"code": code, "name": code})
        to_create = []
        for partner in partners:
            documents = partner.id_numbers.filtered(lambda d: d.category_id == category and d.active)
            value = partner[field_name]
            if len(documents) > 1:
                raise ValidationError(
                    self.env._(
                        "%(name)s has several %(category)s documents: archive all but one.",
                        name=partner.display_name,
                        category=category.name,
                    )
                )
            if not documents:
                if value:
                    to_create.append({"partner_id": partner.id, "category_id": category.id, "name": value})
            elif not value:
                documents.with_context(jmsc_identity_checked=IDENTITY_CHECKED).active = False
            elif documents.name != value:
                documents.with_context(jmsc_identity_checked=IDENTITY_CHECKED).name = value
        if to_create:
            self.env["res.partner.id_number"].sudo().with_context(jmsc_identity_checked=IDENTITY_CHECKED).create(
                to_create
            )

    @api.depends("nik")
    def _compute_nik_region(self):
        # sudo: only the code and name of regencies are read, to name where a NIK the user reads was issued.
        # The usual case first: the NIK was issued in the person's own regency, which a form reads anyway.
        regency_by_code = {r.code.replace(".", ""): r.name for r in self.sudo().regency_id if r.active and r.code}
        codes = {p.nik[:4] for p in self if p.nik and len(p.nik) >= 4} - set(regency_by_code)
        if codes:
            regencies = self.env["jmsc.regency"].sudo().search([("code", "in", [f"{c[:2]}.{c[2:]}" for c in codes])])
            regency_by_code.update((r.code.replace(".", ""), r.name) for r in regencies)
        for partner in self:
            nik = partner.nik or ""
            if len(nik) == 16 and nik.isdigit():
                partner.nik_region_code = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"
                partner.nik_region_name = regency_by_code.get(nik[:4]) or nik_tools.PROVINCE_CODES.get(nik[:2])
            else:
                partner.nik_region_code = partner.nik_region_name = False

    @api.constrains("nik", "gender", "birthdate_date")
    def _check_nik(self):
        today = office_today(self)
        has_nik = any(self.mapped("nik"))
        regency_codes = self._jmsc_regency_codes() if has_nik else set()
        district_codes = self.env["jmsc.district"]._jmsc_district_regency_codes() if has_nik else {}
        gender_labels = dict(self._fields["gender"]._description_selection(self.env))
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
            partner._jmsc_check_nik_district(
                district_codes
            )  # areas: region digits name a real district (res_partner_area.py)
            if partner.gender and partner.gender != gender:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s of %(name)s belongs to a %(nik_gender)s but the gender is %(gender)s.",
                        nik=partner.nik,
                        name=partner.display_name,
                        nik_gender=gender_labels[gender],
                        gender=gender_labels[partner.gender],
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
                nik_tools.parse_nik(nik, office_today(self), self._jmsc_regency_codes())
            except nik_tools.NikError as err:
                raise ValidationError(self._jmsc_nik_error_message(nik, err)) from err
        code = nik_tools.regency_code(nik)
        if not code:
            return self.env["jmsc.regency"]
        return self.env["jmsc.regency"].search([("code", "=", code)], limit=1)

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

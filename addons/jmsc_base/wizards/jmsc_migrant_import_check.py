# pylint: disable=consider-merging-classes-inherited
"""The checks of a migrant import: what each row would do, found set-based (one query per check per chunk)."""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import migrant_import_file as template
from ..tools import nik as nik_tools

# Fields an import row may set, in the order the changes are listed.
IMPORT_FIELDS = [
    "name",
    "nik",
    "kk_number",
    "gender",
    "place_of_birth",
    "birthdate_date",
    "regency_id",
    "district",
    "village",
    "street",
    "mobile",
    "email",
    "education_level",
    "marital_status",
]


class JmscMigrantImport(models.Model):
    _inherit = "jmsc.migrant.import"

    def _jmsc_check_context(self):
        """Everything the row checks need that does not depend on the rows: read once per run or chunk."""
        Regency = self.env["jmsc.regency"]
        regencies = Regency.search_read([], ["code", "name"])
        by_name = {}
        for regency in regencies:
            name = nik_tools.normalize_name(regency["name"])
            by_name[name] = regency["id"]
            for prefix in ("kabupaten ", "kota "):
                if name.startswith(prefix):
                    by_name.setdefault(name[len(prefix) :], regency["id"])
                    by_name.setdefault(
                        ("kab. " if prefix == "kabupaten " else "kota ") + name[len(prefix) :], regency["id"]
                    )
        user = self.env.user
        return {
            "today": fields.Date.context_today(self),
            "regency_codes": self.env["res.partner"]._jmsc_regency_codes(),
            "regency_by_code": {r["code"]: r["id"] for r in regencies},
            "regency_by_name": by_name,
            "regency_names": {r["id"]: r["name"] for r in regencies},
            # None: anywhere (Provincial Officer and above); else the regencies the user serves.
            "allowed_regencies": None
            if user.has_group("jmsc_base.group_jmsc_provincial_officer")
            else set(user.jmsc_regency_ids.ids),
            "passport_category": self.env.ref("jmsc_base.doc_type_passport").id,
            "country": self.env.ref("base.id"),
        }

    # ---- one row, in Python only -------------------------------------------------------------------

    def _jmsc_parse_row(self, row, ctx):
        """(vals for res.partner, passport (number, valid until) or None, reasons) of one row; no query."""
        Partner = self.env["res.partner"]
        reasons = []
        vals = {}
        name = " ".join((row.get("name") or "").split())
        if not name:
            reasons.append(self.env._("the name is empty"))
        vals["name"] = name
        nik = "".join((row.get("nik") or "").split())
        nik_gender = nik_born = None
        if nik:
            try:
                nik_gender, nik_born, _region = nik_tools.parse_nik(nik, ctx["today"], ctx["regency_codes"])
            except nik_tools.NikError as err:
                reasons.append(
                    self.env._("NIK %(nik)s: %(reason)s", nik=nik, reason=Partner._jmsc_nik_error_reason(err))
                )
            else:
                district_error = self.env["jmsc.district"]._jmsc_nik_district_error(nik)
                if district_error:
                    reasons.append(self.env._("NIK %(nik)s: %(reason)s", nik=nik, reason=district_error))
            vals["nik"] = nik
        kk_number = "".join((row.get("kk_number") or "").split())
        if kk_number:
            try:
                nik_tools.check_family_card(kk_number, ctx["regency_codes"])
            except nik_tools.NikError as err:
                reasons.append(
                    self.env._(
                        "family card %(kk)s: %(reason)s", kk=kk_number, reason=Partner._jmsc_nik_error_reason(err)
                    )
                )
            vals["kk_number"] = kk_number
        gender_text = (row.get("gender") or "").strip().lower()
        if gender_text:
            gender = template.GENDER.get(gender_text)
            if not gender:
                reasons.append(self.env._("the gender %s is not L or P", row["gender"]))
            elif nik_gender and gender != nik_gender:
                reasons.append(self.env._("the gender does not match the NIK"))
            else:
                vals["gender"] = gender
        elif nik_gender:
            vals["gender"] = nik_gender
        born_text = (row.get("birthdate") or "").strip()
        if born_text:
            born = template.parse_date(born_text)
            if not born:
                reasons.append(self.env._("the birth date %s is not a date (YYYY-MM-DD or DD/MM/YYYY)", born_text))
            elif born > ctx["today"]:
                reasons.append(self.env._("the birth date %s is in the future", born_text))
            elif nik_born and born != nik_born:
                reasons.append(
                    self.env._(
                        "the birth date %(date)s does not match the NIK (%(nik_date)s)", date=born, nik_date=nik_born
                    )
                )
            else:
                vals["birthdate_date"] = born
        elif nik_born:
            vals["birthdate_date"] = nik_born
        if not nik and not vals.get("birthdate_date") and not born_text:
            reasons.append(self.env._("without a NIK the birth date is required (to recognise the person)"))
        regency_text = " ".join((row.get("regency") or "").split())
        regency_id = False
        if regency_text:
            regency_id = ctx["regency_by_code"].get(regency_text) or ctx["regency_by_name"].get(regency_text.lower())
            if not regency_id:
                reasons.append(
                    self.env._("the regency/city %s is unknown (write its code, e.g. 32.12, or its name)", regency_text)
                )
            if regency_id:
                reasons += self._jmsc_check_regency_allowed(regency_id, ctx)
        elif nik:
            # Taken from the NIK: checked for new rows only (an update keeps the person's regency).
            regency_id = ctx["regency_by_code"].get(nik_tools.regency_code(nik) or "", False)
            vals["__regency_from_nik"] = True
        else:
            reasons.append(self.env._("the regency/city is empty and there is no NIK to take it from"))
        if regency_id:
            vals["regency_id"] = regency_id
        for key in ("place_of_birth", "district", "village", "street"):
            text = " ".join((row.get(key) or "").split())
            if text:
                vals[key] = text
        mobile = (row.get("mobile") or "").strip()
        if mobile:
            formatted = Partner._phone_format_number(mobile, ctx["country"], force_format="E164")
            if not formatted:
                reasons.append(self.env._("the mobile number %s is not a valid Indonesian number", mobile))
            vals["mobile"] = formatted or mobile
        email = (row.get("email") or "").strip()
        if email:
            if not tools.email_normalize(email):
                reasons.append(self.env._("the e-mail address %s is not valid", email))
            vals["email"] = email
        for key, fname, mapping in (
            ("education", "education_level", template.EDUCATION),
            ("marital", "marital_status", template.MARITAL),
        ):
            text = " ".join((row.get(key) or "").lower().split())
            if text:
                value = mapping.get(text)
                if not value:
                    reasons.append(
                        self.env._(
                            "the value %(value)s is not allowed in column %(column)s",
                            value=row[key],
                            column=dict((k, h) for k, h, _help in template.COLUMNS)[key],
                        )
                    )
                vals[fname] = value
        passport = None
        number = "".join((row.get("passport") or "").split()).upper()
        until_text = (row.get("passport_valid_until") or "").strip()
        if number:
            if not (6 <= len(number) <= 9 and number[0].isalpha() and number.isalnum() and number.isascii()):
                reasons.append(
                    self.env._("the passport number %s is not valid (a letter and 6 to 8 letters or digits)", number)
                )
            until = template.parse_date(until_text) if until_text else False
            if until_text and not until:
                reasons.append(self.env._("the passport validity %s is not a date", until_text))
            passport = (number, until)
        elif until_text:
            reasons.append(self.env._("a passport validity is given without a passport number"))
        return vals, passport, reasons

    def _jmsc_check_regency_allowed(self, regency_id, ctx):
        allowed = ctx["allowed_regencies"]
        if allowed is None or regency_id in allowed:
            return []
        return [
            self.env._(
                "you do not serve %s: a Provincial Officer must import this row", ctx["regency_names"][regency_id]
            )
        ]

    # ---- a chunk of rows: one query per check -------------------------------------------------------

    def _jmsc_classify_rows(self, rows, ctx, first_seen=None):
        """What each row would do. ``rows``: dicts with row_number, values and, once resolved, resolution and
        resolved_partner_id. ``first_seen``: {("nik", nik) or ("name", name, date): first row number} of
        the whole file, for duplicates inside the file. Returns one result dict per row."""
        Partner = self.env["res.partner"]
        parsed = [self._jmsc_parse_row(row["values"], ctx) for row in rows]
        niks = [vals["nik"] for vals, _p, reasons in parsed if vals.get("nik") and not reasons]
        births = list({vals["birthdate_date"] for vals, _p, _r in parsed if vals.get("birthdate_date")})
        keys = [row["row_key"] for row in rows if row.get("row_key")]
        passports = [p[0] for _v, p, _r in parsed if p]
        # 1. NIKs already registered (any record, readable or not: a NIK is unique).
        by_nik = {}
        if niks:
            for partner_id, nik, regency_id in self.env.execute_query(
                SQL("SELECT id, nik, regency_id FROM res_partner WHERE nik = ANY(%s)", niks)
            ):
                by_nik[nik] = (partner_id, regency_id)
        # 2. Migrants with the same birth date (same name checked below), and whether they have a NIK.
        by_name = {}
        if births:
            for partner_id, name, born, nik, regency_id in self.env.execute_query(
                SQL(
                    "SELECT id, name, birthdate_date, nik, regency_id FROM res_partner"
                    " WHERE is_migrant AND active AND birthdate_date = ANY(%s)",
                    births,
                )
            ):
                by_name.setdefault((nik_tools.normalize_name(name), born), []).append(
                    (partner_id, nik, regency_id, name)
                )
        # 3. Rows already imported by an earlier run (same content): the import is idempotent.
        by_key = {}
        if keys:
            by_key = dict(
                self.env.execute_query(
                    SQL("SELECT jmsc_import_key, id FROM res_partner WHERE jmsc_import_key = ANY(%s)", keys)
                )
            )
        # 4. Passports already registered.
        by_passport = {}
        if passports:
            for number, partner_id in self.env.execute_query(
                SQL(
                    "SELECT name, partner_id FROM res_partner_id_number"
                    " WHERE category_id = %s AND name = ANY(%s) AND status IS DISTINCT FROM 'close'",
                    ctx["passport_category"],
                    passports,
                )
            ):
                by_passport.setdefault(number, set()).add(partner_id)

        results = []
        targets = set()
        for row, (vals, passport, reasons) in zip(rows, parsed, strict=True):
            result = {"vals": vals, "passport": passport, "reasons": list(reasons), "status": False}
            result.update(changes=False, candidate_info=False, candidate_ids=[], partner_id=False)
            nik = vals.get("nik")
            name_key = (nik_tools.normalize_name(vals.get("name")), vals.get("birthdate_date"))
            if first_seen is not None:
                if nik and first_seen.setdefault(("nik", nik), row["row_number"]) != row["row_number"]:
                    result["reasons"].append(self.env._("same NIK as row %s of the file", first_seen[("nik", nik)]))
                elif (
                    not nik
                    and name_key[1]
                    and first_seen.setdefault(("name", *name_key), row["row_number"]) != row["row_number"]
                ):
                    result["reasons"].append(
                        self.env._("same name and birth date as row %s of the file", first_seen[("name", *name_key)])
                    )
            if result["reasons"]:
                result["status"] = "invalid"
                vals.pop("__regency_from_nik", None)
                results.append(result)
                continue
            if nik and nik in by_nik:
                result["partner_id"], _regency = by_nik[nik]
            elif row.get("resolution") == "match" and row.get("resolved_partner_id"):
                result["partner_id"] = row["resolved_partner_id"]
            elif not nik and row.get("row_key") in by_key:
                result["partner_id"] = by_key[row["row_key"]]
                result["status"] = "unchanged"
            elif row.get("resolution") != "new":
                # Same name and birth date, and no NIK that tells them apart: never merged silently.
                candidates = [c for c in by_name.get(name_key, []) if not (nik and c[1])]
                if candidates:
                    result["status"] = "ambiguous"
                    result["candidates"] = candidates
            from_nik = vals.pop("__regency_from_nik", False)
            if result["partner_id"]:
                targets.add(result["partner_id"])
                if from_nik:
                    vals.pop("regency_id", None)
            elif from_nik and not vals.get("regency_id"):
                result["reasons"].append(
                    self.env._("the regency/city is empty and the NIK is not from Jawa Barat: write the regency")
                )
            elif from_nik:
                result["reasons"] += self._jmsc_check_regency_allowed(vals["regency_id"], ctx)
            if result["reasons"]:
                result["status"] = "invalid"
            elif not result["status"] and not result["partner_id"]:
                result["status"] = "new"
            results.append(result)

        # 5. The targets of updates: which the user may change (record rules), and their current values.
        writable = Partner.browse(targets)._filtered_access("write") if targets else Partner
        readable_candidates = Partner.browse(
            {c[0] for result in results for c in result.get("candidates", [])}
        )._filtered_access("read")
        current = {}
        if writable:
            for record in writable.with_context(active_test=False).read(IMPORT_FIELDS + ["is_migrant"], load=False):
                current[record["id"]] = record
        docs_of_target = {}
        if passports and writable:
            for number, partner_ids in by_passport.items():
                for partner_id in partner_ids:
                    docs_of_target.setdefault(partner_id, set()).add(number)
        for result in results:
            if result.get("candidates"):
                candidates = result.pop("candidates")
                result["candidate_info"] = "\n".join(
                    "PMI-%06d %s, %s" % (c[0], nik_tools.initials(c[3]), ctx["regency_names"].get(c[2], "-"))
                    for c in candidates
                )
                result["candidate_ids"] = [c[0] for c in candidates if c[0] in readable_candidates.ids]
            passport = result["passport"]
            target = result["partner_id"]
            if passport and by_passport.get(passport[0], set()) - {target}:
                result["status"] = "invalid"
                result["reasons"].append(
                    self.env._(
                        "the passport %(number)s is already registered for another person (%(refs)s)",
                        number=passport[0],
                        refs=", ".join("PMI-%06d" % pid for pid in sorted(by_passport[passport[0]] - {target})),
                    )
                )
            if not target or result["status"] == "invalid":
                continue
            if target not in current:
                result["status"] = "invalid"
                regency = by_nik.get(result["vals"].get("nik"), (0, False))[1]
                result["reasons"].append(
                    self.env._(
                        "this person is already registered (%(ref)s, %(regency)s) and you may not change the record:"
                        " ask a Provincial Officer",
                        ref="PMI-%06d" % target,
                        regency=ctx["regency_names"].get(regency, "-"),
                    )
                )
                continue
            if result["status"] == "unchanged":
                continue
            result["changes"] = self._jmsc_describe_changes(result, current[target], docs_of_target.get(target, set()))
            result["status"] = "update" if result["changes"] else "unchanged"
        for result in results:
            if result["status"] == "invalid":
                result["reasons"] = "; ".join(result["reasons"])
            else:
                result["reasons"] = False
        return results

    def _jmsc_describe_changes(self, result, record, own_passports):
        """Keep in result["vals"] only what changes on the existing record; return the lines describing it."""
        Partner = self.env["res.partner"]
        changes = []
        vals = result["vals"]
        for fname in IMPORT_FIELDS:
            if fname not in vals:
                continue
            old, new = record[fname], vals[fname]
            if isinstance(old, str) and isinstance(new, str) and old.strip() == new.strip():
                vals.pop(fname)
                continue
            if old == new or (fname == "birthdate_date" and old and str(old) == str(new)):
                vals.pop(fname)
                continue
            field = Partner._fields[fname]
            changes.append(
                "%s: %s → %s"
                % (field._description_string(self.env), self._jmsc_show(field, old), self._jmsc_show(field, new))
            )
        if not record["is_migrant"]:
            vals["is_migrant"] = True
            changes.append(self.env._("marked as a migrant"))
        if result["passport"] and result["passport"][0] in own_passports:
            result["passport"] = None
        elif result["passport"]:
            changes.append(self.env._("new passport %s", result["passport"][0]))
        return "\n".join(changes) or False

    def _jmsc_show(self, field, value):
        if value in (False, None, ""):
            return "-"
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "many2one":
            return self.env[field.comodel_name].browse(value).display_name
        return str(value)

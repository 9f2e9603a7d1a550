# pylint: disable=consider-merging-classes-inherited
"""The checks of a migrant import: what each row would do, found set-based (one query per check per chunk)."""

import re

import phonenumbers

from odoo import models, tools
from odoo.tools import SQL

from ..models.res_partner_import import name_key_sql
from ..tools import migrant_import_file as template
from ..tools import nik as nik_tools
from ..tools.office_day import office_today

# The common case of a mobile number, decided without parsing: an Indonesian mobile (0812...,
# +62 812-...) whose national part matches the mobile pattern of phonenumbers' own metadata for ID is valid
# and its E.164 form is +62 and that part (what _phone_format_number returns). Anything else is parsed.
_ID_MOBILE = re.compile(
    r"(?:\+62|0)(%s)" % phonenumbers.PhoneMetadata.metadata_for_region("ID").mobile.national_number_pattern
)
_PHONE_NOISE = re.compile(r"[\s().-]")
# A plain ASCII address needs no parsing: email_normalize would return it lower-cased.
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}")

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
        # The categories the NIK and KK inverses file their documents under (res_partner_nik.py).
        # sudo: reads two document categories by code, as the inverses do.
        Category = self.env["res.partner.id_category"].sudo()
        return {
            "ktp_category": Category.search([("code", "=", "KTP")], limit=1).id,
            "kk_category": Category.search([("code", "=", "KK")], limit=1).id,
            "today": office_today(self),
            "regency_codes": self.env["res.partner"]._jmsc_regency_codes(),
            "district_codes": self.env["jmsc.district"]._jmsc_district_regency_codes(),
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
        reasons = []
        name = " ".join((row.get("name") or "").split())
        if not name:
            reasons.append(self.env._("the name is empty"))
        vals = {"name": name}
        nik, nik_gender, nik_born = self._jmsc_parse_identity(row, ctx, vals, reasons)
        self._jmsc_parse_birth(row, ctx, vals, reasons, nik, nik_gender, nik_born)
        self._jmsc_parse_regency(row, ctx, vals, reasons, nik)
        self._jmsc_parse_contact(row, ctx, vals, reasons)
        passport = self._jmsc_parse_passport(row, reasons)
        return vals, passport, reasons

    def _jmsc_parse_identity(self, row, ctx, vals, reasons):
        """NIK (rules of tools/nik.py and the districts of Jawa Barat) and KK; returns what the NIK says."""
        Partner = self.env["res.partner"]
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
                district_error = self.env["jmsc.district"]._jmsc_nik_district_error(nik, ctx["district_codes"])
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
        return nik, nik_gender, nik_born

    def _jmsc_parse_birth(self, row, ctx, vals, reasons, nik, nik_gender, nik_born):
        """Gender and birth date: as written, or from the NIK; they must agree with it."""
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

    def _jmsc_parse_regency(self, row, ctx, vals, reasons, nik):
        """The regency by code or name, else the NIK's; one the officer serves."""
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

    def _jmsc_parse_contact(self, row, ctx, vals, reasons):
        """Address, mobile (E.164), e-mail, education and marital status."""
        Partner = self.env["res.partner"]
        for key in ("place_of_birth", "district", "village", "street"):
            text = " ".join((row.get(key) or "").split())
            if text:
                vals[key] = text
        mobile = (row.get("mobile") or "").strip()
        if mobile:
            plain = _ID_MOBILE.fullmatch(_PHONE_NOISE.sub("", mobile))
            formatted = (
                "+62" + plain.group(1)
                if plain
                else Partner._phone_format_number(mobile, ctx["country"], force_format="E164")
            )
            if not formatted:
                reasons.append(self.env._("the mobile number %s is not a valid Indonesian number", mobile))
            vals["mobile"] = formatted or mobile
        email = (row.get("email") or "").strip()
        if email:
            if not _PLAIN_EMAIL.fullmatch(email) and not tools.email_normalize(email):
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

    def _jmsc_parse_passport(self, row, reasons):
        """(number, valid until) of the passport columns, or None."""
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
        return passport

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
        parsed = [self._jmsc_parse_row(row["values"], ctx) for row in rows]
        found = self._jmsc_lookup(rows, parsed, ctx)
        results = [
            self._jmsc_match_row(row, vals, passport, reasons, found, ctx, first_seen)
            for row, (vals, passport, reasons) in zip(rows, parsed, strict=True)
        ]
        self._jmsc_check_targets(results, found, ctx)
        for result in results:
            result["reasons"] = "; ".join(result["reasons"]) if result["status"] == "invalid" else False
        return results

    def _jmsc_lookup(self, rows, parsed, ctx):
        """The registry facts the rows of a chunk need: four queries, whatever the number of rows."""
        niks = [vals["nik"] for vals, _p, reasons in parsed if vals.get("nik") and not reasons]
        people = sorted(
            {
                (nik_tools.normalize_name(vals["name"]), vals["birthdate_date"])
                for vals, _p, _r in parsed
                if vals.get("birthdate_date") and vals.get("name")
            }
        )
        keys = [row["row_key"] for row in rows if row.get("row_key")]
        passports = [p[0] for _v, p, _r in parsed if p]
        found = {"nik": {}, "name": {}, "key": {}, "passport": {}}
        # 1. NIKs already registered (any record, readable or not: a NIK is unique).
        if niks:
            query = SQL("SELECT nik, id, regency_id FROM res_partner WHERE nik = ANY(%s)", niks)
            found["nik"] = {nik: (pid, regency_id) for nik, pid, regency_id in self.env.execute_query(query)}
        # 2. Migrants of the same name and birth date (res_partner_jmsc_name_birth_index); the name is compared
        #    again in Python, as the rest of the suite normalises it.
        if people:
            query = SQL(
                "SELECT p.id, p.name, p.birthdate_date, p.nik, p.regency_id FROM res_partner p"
                " JOIN unnest(%s::varchar[], %s::date[]) AS k(name, born)"
                " ON p.birthdate_date = k.born AND %s = k.name"
                " WHERE p.is_migrant AND p.active",
                [name for name, _born in people],
                [born for _name, born in people],
                SQL(name_key_sql("p.name")),
            )
            for pid, name, born, nik, regency_id in self.env.execute_query(query):
                key = (nik_tools.normalize_name(name), born)
                found["name"].setdefault(key, []).append((pid, nik, regency_id, name))
        # 3. Rows already imported by an earlier run (same content): the import is idempotent.
        if keys:
            query = SQL("SELECT jmsc_import_key, id FROM res_partner WHERE jmsc_import_key = ANY(%s)", keys)
            found["key"] = dict(self.env.execute_query(query))
        # 4. Passports already registered.
        if passports:
            query = SQL(
                "SELECT name, partner_id FROM res_partner_id_number"
                " WHERE category_id = %s AND name = ANY(%s) AND status IS DISTINCT FROM 'close'",
                ctx["passport_category"],
                passports,
            )
            for number, pid in self.env.execute_query(query):
                found["passport"].setdefault(number, set()).add(pid)
        return found

    def _jmsc_file_duplicate(self, row, vals, first_seen):
        """The reason a row repeats an earlier row of the same file (same NIK, or same name and birth date)."""
        if first_seen is None:
            return None
        nik = vals.get("nik")
        key = ("nik", nik) if nik else ("name", nik_tools.normalize_name(vals.get("name")), vals.get("birthdate_date"))
        if not nik and not key[2]:
            return None
        first = first_seen.setdefault(key, row["row_number"])
        if first == row["row_number"]:
            return None
        if nik:
            return self.env._("same NIK as row %s of the file", first)
        return self.env._("same name and birth date as row %s of the file", first)

    def _jmsc_match_row(self, row, vals, passport, reasons, found, ctx, first_seen):
        """First pass on one row: duplicate in the file, then who it is (NIK, resolution, fingerprint, name)."""
        result = {"vals": vals, "passport": passport, "reasons": list(reasons), "status": False}
        result.update(changes=False, candidate_info=False, candidate_ids=[], partner_id=False, candidates=[])
        duplicate = self._jmsc_file_duplicate(row, vals, first_seen)
        if duplicate:
            result["reasons"].append(duplicate)
        from_nik = vals.pop("__regency_from_nik", False)
        if result["reasons"]:
            result["status"] = "invalid"
            return result
        nik = vals.get("nik")
        if nik and nik in found["nik"]:
            result["partner_id"] = found["nik"][nik][0]
        elif row.get("resolution") == "match" and row.get("resolved_partner_id"):
            result["partner_id"] = row["resolved_partner_id"]
        elif not nik and row.get("row_key") in found["key"]:
            result["partner_id"] = found["key"][row["row_key"]]
            result["status"] = "unchanged"
        elif row.get("resolution") != "new":
            # Same name and birth date, and no NIK that tells them apart: never merged silently.
            name_key = (nik_tools.normalize_name(vals.get("name")), vals.get("birthdate_date"))
            result["candidates"] = [c for c in found["name"].get(name_key, []) if not (nik and c[1])]
            result["status"] = "ambiguous" if result["candidates"] else False
        if result["partner_id"]:
            if from_nik:
                vals.pop("regency_id", None)  # an update keeps the person's regency
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
        return result

    def _jmsc_check_targets(self, results, found, ctx):
        """Second pass: candidates shown as the card shows them, passports, and the records to update:
        those the user may change (record rules, one query) and what changes on them (one read)."""
        Partner = self.env["res.partner"]
        targets = Partner.browse({r["partner_id"] for r in results if r["partner_id"] and r["status"] != "invalid"})
        writable = targets._filtered_access("write") if targets else Partner
        readable = Partner.browse({c[0] for r in results for c in r["candidates"]})._filtered_access("read")
        fnames = [*IMPORT_FIELDS, "is_migrant"]
        current = {rec["id"]: rec for rec in writable.with_context(active_test=False).read(fnames, load=False)}
        passports_of = {}
        for number, partner_ids in found["passport"].items():
            for pid in partner_ids:
                passports_of.setdefault(pid, set()).add(number)
        for result in results:
            candidates = result.pop("candidates")
            if candidates:
                result["candidate_info"] = "\n".join(
                    "PMI-%06d %s, %s" % (c[0], nik_tools.initials(c[3]), ctx["regency_names"].get(c[2], "-"))
                    for c in candidates
                )
                result["candidate_ids"] = [c[0] for c in candidates if c[0] in readable.ids]
            target = result["partner_id"]
            others = found["passport"].get(result["passport"][0], set()) - {target} if result["passport"] else set()
            if others and result["status"] != "invalid":
                result["status"] = "invalid"
                result["reasons"].append(
                    self.env._(
                        "the passport %(number)s is already registered for another person (%(refs)s)",
                        number=result["passport"][0],
                        refs=", ".join("PMI-%06d" % pid for pid in sorted(others)),
                    )
                )
            if not target or result["status"] == "invalid":
                continue
            if target not in current:
                regency = found["nik"].get(result["vals"].get("nik"), (0, False))[1]
                result["status"] = "invalid"
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
            result["changes"] = self._jmsc_describe_changes(result, current[target], passports_of.get(target, set()))
            result["status"] = "update" if result["changes"] else "unchanged"

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

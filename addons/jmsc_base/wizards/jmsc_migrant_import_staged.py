# pylint: disable=consider-merging-classes-inherited
"""Staged inserts of a migrant import: one INSERT per table per chunk instead of the ORM's record-by-record
create, with what the ORM's create does kept (readme/SECURITY.md, "Bulk import"):

- the officer's rights: the model ACL and the field groups before the INSERT, the record rules on the
  inserted rows after it (set-based, one query); a row outside them raises and the chunk's savepoint
  rolls every row of the chunk back;
- the values: defaults read once per chunk, the partner's create rules applied by the dry run's checks
  (E.164 mobile, regency from the NIK, NIK and KK checked), the KTP/KK documents the NIK and KK inverses
  would create, the first stage history line;
- the ORM's upkeep: the stored computed fields not given (commercial partner, complete name, normalized
  e-mail, sanitized phone, the fields of other modules) are computed by the ORM as after its own INSERT
  (``modified(create=True)``), and the Python constraints run on the inserted rows.
"""

from odoo import fields, models
from odoo.osv import expression
from odoo.tools import SQL, email_normalize

from ..models.res_partner_id_number import IDENTITY_CHECKED, IDENTITY_FIELDS
from .jmsc_migrant_import_check import _PLAIN_EMAIL

# Columns every staged INSERT sets itself (the ORM's log columns).
LOG_COLUMNS = ("create_uid", "create_date", "write_uid", "write_date")
# Fields of a new migrant always written (computed-with-inverse fields: given, even when empty).
PARTNER_ALWAYS = ("nik", "kk_number", "gender", "birthdate_date", "district", "village")


class JmscMigrantImport(models.Model):
    _inherit = "jmsc.migrant.import"

    def _jmsc_staged_insert(self, model, rows, computed=()):
        """INSERT ``rows`` (dicts of stored, non-relational-list field values, all with the same keys) into
        ``model``'s table in one query, with the defaults of ``model`` read once and the log columns;
        ``computed``: stored computed fields given in ``rows`` (kept as given, not recomputed).
        Returns the new records, in the order of ``rows``. The caller checks access before and after."""
        if not rows:
            return model.browse()
        env = model.env
        given = list(rows[0])
        defaults = {
            name: value
            for name, value in model.default_get(
                [
                    name
                    for name, field in model._fields.items()
                    if field.store and field.column_type and name not in given and name not in LOG_COLUMNS
                ]
            ).items()
            if model._fields[name].column_type
        }
        now = env.cr.now()
        field_list = [model._fields[name] for name in given if name != "id"]
        columns = [*(["id"] if "id" in given else []), *(f.name for f in field_list), *defaults, *LOG_COLUMNS]
        fixed = [
            *(model._fields[name].convert_to_column_insert(value, model) for name, value in defaults.items()),
            env.uid,
            now,
            env.uid,
            now,
        ]
        # One parameter per value, the placeholders written once: an INSERT of a whole chunk in one query.
        fixed_sql = ", ".join(["%s"] * (len(fixed) + len(field_list) + ("id" in given)))
        params = []
        for row in rows:
            if "id" in given:
                params.append(row["id"])
            params += [field.convert_to_column_insert(row[field.name], model) for field in field_list]
            params += fixed
        ids = [
            row_id
            for (row_id,) in env.execute_query(
                SQL(
                    "INSERT INTO %s (%s) VALUES " + ", ".join([f"({fixed_sql})"] * len(rows)) + " RETURNING id",
                    SQL.identifier(model._table),
                    SQL(", ").join(map(SQL.identifier, columns)),
                    *params,
                )
            )
        ]
        records = model.browse(ids)
        # What Model._create does after its INSERT: the stored computed fields not given are computed by the
        # ORM (dependencies of every field of a new record), the given ones are protected.
        protected = [field for name in computed for field in env.registry.field_computed[model._fields[name]]]
        # Pictures (binaries in attachments) computed from fields not given are empty on a new record: nothing
        # to compute (the ORM would search the attachments of each record, one query per record and picture).
        protected += [
            field
            for field in model._fields.values()
            if field.store
            and field.compute
            and field.type in ("binary", "image")
            and not field.column_type
            and not any(dep.split(".")[0] in given for dep in env.registry.field_depends[field])
        ]
        with env.protecting(protected, records):
            records.modified(model._fields, create=True)
        return records

    def _jmsc_check_rows(self, records, operation):
        """``records.check_access(operation)``, set-based: the officer's record rules are evaluated by one query
        on the rows (the ORM evaluates them record by record in Python, 1,000 rows a chunk). Used for rows
        inserted or updated in SQL. Raises the ORM's AccessError naming the rows outside them (a missing row
        too); the chunk is then rolled back."""
        records.browse().check_access(operation)
        if not records or self.env.su:
            return
        Rule = self.env["ir.rule"]
        domain = Rule._compute_domain(records._name, operation)
        if not domain:
            return
        # sudo: only to count which of these rows the officer's own rule domain matches.
        allowed = (
            records.sudo().with_context(active_test=False).search(expression.AND([[("id", "in", records.ids)], domain]))
        )
        allowed_ids = set(allowed.ids)
        forbidden = records.browse(id_ for id_ in records.ids if id_ not in allowed_ids)
        if forbidden:
            raise Rule._make_access_error(operation, forbidden)

    def _jmsc_rule_filter(self, records, operation, column):
        """An SQL condition on ``column`` (the rows' id in an UPDATE) that holds for the rows of ``records`` the
        officer's record rules allow for ``operation``: the UPDATE checks its rows itself, no query more. The
        caller compares its row count and calls _jmsc_check_rows to raise on the rows outside them."""
        records.browse().check_access(operation)
        domain = [] if self.env.su else self.env["ir.rule"]._compute_domain(records._name, operation)
        if not domain:
            return SQL("TRUE")
        # sudo: only the officer's own rule domain, as a subquery of the UPDATE.
        query = records.sudo().with_context(active_test=False)._search(domain)
        return SQL("%s IN %s", column, query.subselect())

    def _jmsc_insert_migrants(self, items, ctx):
        """Create the new migrants of a chunk in SQL. ``items``: [(vals, row_key)] with ``vals`` the checked
        values of _jmsc_parse_row (the fields of IMPORT_FIELDS). Returns the partners, in order."""
        Partner = self.env["res.partner"]
        if not items:
            return Partner
        names = sorted({name for vals, _key in items for name in vals})
        # Least privilege: the officer's ACL and field groups (NIK and KK need the identity group) as create()
        # checks them; the record rules on the inserted rows below.
        Partner.check_access("create")
        Partner.check_field_access_rights("create", [*names, "is_migrant"])
        # The ids first: a new person is their own commercial partner.
        ids = [
            row_id
            for (row_id,) in self.env.execute_query(
                SQL(
                    "SELECT nextval(pg_get_serial_sequence('res_partner', 'id')) FROM generate_series(1, %s)",
                    len(items),
                )
            )
        ]
        names = sorted({*names, *PARTNER_ALWAYS})
        rows = [
            {
                "id": row_id,
                **dict.fromkeys(names, False),
                **vals,
                "is_migrant": True,
                "jmsc_import_key": False if vals.get("nik") else key,
                **self._jmsc_partner_computed(vals, row_id),
            }
            for (vals, key), row_id in zip(items, ids, strict=True)
        ]
        # Given here: the computed-with-inverse fields as the officer wrote them (as in a form), and the
        # stored computed fields whose value on a new person without relations _jmsc_partner_computed knows.
        computed = [name for name in rows[0] if name != "id" and Partner._fields[name].compute]
        partners = self._jmsc_staged_insert(Partner, rows, computed)
        documents = []
        for category, fname in ((ctx["ktp_category"], "nik"), (ctx["kk_category"], "kk_number")):
            documents += [
                # Without a valid-until date a KTP or KK never expires: its expiry fields as computed.
                {
                    "partner_id": partner.id,
                    "category_id": category,
                    "name": row[fname],
                    "expiry_date": False,
                    "expiry_state": "valid",
                }
                for partner, row in zip(partners, rows, strict=True)
                if row.get(fname)
            ]
        IdNumber = self.env["res.partner.id_number"].with_context(jmsc_identity_checked=IDENTITY_CHECKED)
        # The documents are the NIK and KK just given: the partners' fields stay as given (as in create()).
        protected = [field for name in computed for field in self.env.registry.field_computed[Partner._fields[name]]]
        with self.env.protecting(protected, partners):
            identity = self._jmsc_staged_insert(IdNumber, documents, ["expiry_date", "expiry_state"])
            history = self._jmsc_staged_insert(
                self.env["jmsc.stage.history"],
                [
                    {"partner_id": partner.id, "stage_to": "prospective", "date": fields.Datetime.now()}
                    for partner in partners
                ],
            )
        # The partners' Python constraints (NIK, KK, regency of a migrant...), as Model._create runs them,
        # then the record rules of the officer on the inserted rows: a row outside them fails the chunk.
        partners._validate_fields(["is_migrant", *names])
        identity._validate_fields(["name", "category_id", "partner_id", "active"])
        history._validate_fields(["partner_id", "stage_to"])
        self._jmsc_check_rows(partners, "create")
        return partners

    def _jmsc_partner_computed(self, vals, partner_id):
        """The stored computed fields of a new individual migrant without parent, user, placement, consent or
        relative, as the ORM computes them (res.partner, mail, phone_validation, jmsc_base). The import test
        compares every stored field with a migrant created through the form."""
        email = vals.get("email")
        born = vals.get("birthdate_date")
        return {
            "commercial_partner_id": partner_id,
            # No official area in the registry template: the district follows the (empty) village.
            "district_id": False,
            "village_id": False,
            "complete_name": (vals.get("name") or "").strip(),
            "email_normalized": (
                email.lower() if _PLAIN_EMAIL.fullmatch(email) else email_normalize(email, strict=False)
            )
            if email
            else False,
            # The mobile is in E.164 already (checked by the dry run's rules): the sanitized number is itself.
            "phone_sanitized": vals.get("mobile") or False,
            "partner_share": True,
            "birth_year": born.year if born else False,
            "jmsc_is_relative": False,
            "has_active_consent": False,
            "current_placement_id": False,
            "current_country_id": False,
            "commercial_company_name": False,
            "company_registry": False,
            "user_id": False,
            "destination_country_id": False,
            "last_departure_date": False,
            "last_return_date": False,
        }

    def _jmsc_insert_passports(self, passports, ctx):
        """The passport documents of a chunk ([(partner id, (number, valid until))]), created as the officer."""
        IdNumber = self.env["res.partner.id_number"]
        if not passports:
            return IdNumber
        IdNumber.check_access("create")
        IdNumber.check_field_access_rights("create", ["partner_id", "category_id", "name", "valid_until"])
        # A passport is no KTP nor KK: the NIK and KK of its partner, and what follows from them, stay.
        Partner = self.env["res.partner"]
        partners = Partner.browse({partner_id for partner_id, _passport in passports})
        registry = self.env.registry
        protected = [
            field
            for name in (*IDENTITY_FIELDS.values(), "gender", "birthdate_date", "birth_year")
            for field in registry.field_computed[Partner._fields[name]]
        ]
        with self.env.protecting(protected, partners):
            documents = self._jmsc_staged_insert(
                IdNumber,
                [
                    {
                        "partner_id": partner_id,
                        "category_id": ctx["passport_category"],
                        "name": number,
                        "valid_until": until or False,
                        "expiry_date": until or False,
                    }
                    for partner_id, (number, until) in passports
                ],
                ["expiry_date"],
            )
        documents._validate_fields(["name", "category_id", "partner_id", "active", "valid_until"])
        self._jmsc_check_rows(documents, "create")
        return documents

    def _jmsc_insert_lines(self, rows, results):
        """Store the dry run's rows (jmsc.migrant.import.line) in one INSERT; the officer's rights checked."""
        Line = self.env["jmsc.migrant.import.line"]
        Line.check_access("create")
        lines = self._jmsc_staged_insert(
            Line,
            [
                {
                    "import_id": self.id,
                    "row_number": row["row_number"],
                    "name": row["values"].get("name") or "-",
                    "values": row["values"],
                    "row_key": row["row_key"],
                    "status": result["status"],
                    "changes": result["changes"] or False,
                    "reasons": result["reasons"] or False,
                    "candidate_info": result["candidate_info"] or False,
                    "partner_id": result["partner_id"] or False,
                }
                for row, result in zip(rows, results, strict=True)
            ],
        )
        candidates = [
            (line_id, partner_id)
            for line_id, result in zip(lines.ids, results, strict=True)
            for partner_id in result["candidate_ids"]
        ]
        if candidates:
            self.env.cr.execute(
                SQL(
                    "INSERT INTO jmsc_migrant_import_line_candidate_rel (line_id, partner_id)"
                    " SELECT * FROM unnest(%s::int[], %s::int[])",
                    [line_id for line_id, _pid in candidates],
                    [pid for _line_id, pid in candidates],
                )
            )
        self._jmsc_check_rows(lines, "create")
        self.invalidate_recordset(["line_ids"])
        return lines

    def _jmsc_mark_applied(self, done):
        """Mark the applied rows ([(line, partner id)]) in one UPDATE; the officer may write these rows."""
        if not done:
            return
        lines = self.env["jmsc.migrant.import.line"].concat(*(line for line, _pid in done))
        updated = self.env.execute_query(  # flushes what the rule subquery reads
            SQL(
                "UPDATE jmsc_migrant_import_line l SET applied = TRUE, error = NULL, partner_id = d.partner_id,"
                " write_uid = %s, write_date = %s FROM unnest(%s::int[], %s::int[]) AS d(id, partner_id)"
                " WHERE l.id = d.id AND %s RETURNING l.id",
                self.env.uid,
                self.env.cr.now(),
                [line.id for line, _pid in done],
                [pid for _line, pid in done],
                self._jmsc_rule_filter(lines, "write", SQL("l.id")),
            )
        )
        if len(updated) != len(lines):
            self._jmsc_check_rows(lines, "write")  # raises: the chunk is rolled back
        lines.invalidate_recordset(["applied", "error", "partner_id", "write_uid", "write_date"])
        lines.modified(["applied", "error", "partner_id"])

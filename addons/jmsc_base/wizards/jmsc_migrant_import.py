"""Bulk migrant import from the registry template: a dry run, then an apply in queue_job chunks."""

import base64
import logging

import psycopg2.errors

from odoo import api, fields, models
from odoo.addons.queue_job.delay import group
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.utils import must_run_without_delay
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import migrant_import_file as template
from ..tools.office_day import office_today
from .jmsc_migrant_import_line import LINE_STATUSES

_logger = logging.getLogger(__name__)

CHECK_CHUNK = 1000
# Errors the job runner retries (queue_job postpones the job): never swallowed by a chunk.
RETRYABLE = (psycopg2.errors.SerializationFailure, psycopg2.errors.DeadlockDetected, psycopg2.errors.LockNotAvailable)
JOB_ACTIVE_STATES = ("wait_dependencies", "pending", "enqueued", "started")


class JmscMigrantImport(models.Model):
    _name = "jmsc.migrant.import"
    _description = "Migrant Import"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, default=lambda self: self.env._("Import %s", office_today(self)))
    user_id = fields.Many2one(
        "res.users", string="Officer", default=lambda self: self.env.user, readonly=True, required=True, index=True
    )
    file = fields.Binary(string="File (XLSX or CSV)", attachment=True)
    filename = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("checked", "Checked"),
            ("running", "Importing"),
            ("failed", "Stopped on an Error"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    chunk_size = fields.Integer(default=1000, help="Rows per background job; each job is all or nothing.")
    line_ids = fields.One2many("jmsc.migrant.import.line", "import_id", string="Rows", readonly=True)
    line_count = fields.Integer(compute="_compute_counts")
    count_new = fields.Integer(string="New", compute="_compute_counts")
    count_update = fields.Integer(string="Updates", compute="_compute_counts")
    count_unchanged = fields.Integer(string="Unchanged", compute="_compute_counts")
    count_ambiguous = fields.Integer(string="Ambiguous", compute="_compute_counts")
    count_unresolved = fields.Integer(string="Ambiguous, Unresolved", compute="_compute_counts")
    count_invalid = fields.Integer(string="Invalid", compute="_compute_counts")
    count_applied = fields.Integer(string="Imported", compute="_compute_counts")
    count_to_apply = fields.Integer(string="To Import", compute="_compute_counts")
    progress = fields.Float(compute="_compute_counts", help="Share of the rows to import that are imported.")
    report_file = fields.Binary(string="Dry Run Result", attachment=True, readonly=True)
    report_filename = fields.Char(readonly=True)
    last_error = fields.Text(readonly=True)
    template_file = fields.Binary(compute="_compute_template_file")

    @api.depends("line_ids.status", "line_ids.applied", "line_ids.resolution")
    def _compute_counts(self):
        groups = self.env["jmsc.migrant.import.line"]._read_group(
            [("import_id", "in", self.ids)], ["import_id", "status", "applied", "resolution"], ["__count"]
        )
        counts = {}
        for run, status, applied, resolution, count in groups:
            bucket = counts.setdefault(
                run.id, dict.fromkeys([s for s, _l in LINE_STATUSES] + ["applied", "todo", "open"], 0)
            )
            bucket[status] = bucket.get(status, 0) + count
            if applied:
                bucket["applied"] += count
            if status in ("new", "update") or (status == "ambiguous" and resolution):
                bucket["todo"] += count
            if status == "ambiguous" and not resolution:
                bucket["open"] += count
        for run in self:
            bucket = counts.get(run.id, {})
            run.line_count = sum(bucket.get(s, 0) for s, _l in LINE_STATUSES)
            run.count_new = bucket.get("new", 0)
            run.count_update = bucket.get("update", 0)
            run.count_unchanged = bucket.get("unchanged", 0)
            run.count_ambiguous = bucket.get("ambiguous", 0)
            run.count_unresolved = bucket.get("open", 0)
            run.count_invalid = bucket.get("invalid", 0)
            run.count_applied = bucket.get("applied", 0)
            run.count_to_apply = bucket.get("todo", 0)
            run.progress = 100.0 * run.count_applied / run.count_to_apply if run.count_to_apply else 0.0

    def _compute_template_file(self):
        content = base64.b64encode(template.template_xlsx())
        for run in self:
            run.template_file = content

    def _jmsc_check_editable(self):
        for run in self:
            if run.state not in ("draft", "checked"):
                raise UserError(self.env._("The import %s has started: its rows can no longer change.", run.name))

    def write(self, vals):
        if "file" in vals:
            self._jmsc_check_editable()
        return super().write(vals)

    # ---- buttons -----------------------------------------------------------------------------------

    def action_download_template(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/jmsc.migrant.import/{self.id}/template_file/template_import_pmi.xlsx?download=true",
            "target": "self",
        }

    def action_dry_run(self):
        """Check every row of the file and write the result XLSX; changes no migrant."""
        self.ensure_one()
        self._jmsc_check_editable()
        if not self.file:
            raise UserError(self.env._("Choose the file to import first (XLSX or CSV, from the template)."))
        try:
            rows = template.read_rows(base64.b64decode(self.file), self.filename)
        except template.ImportFileError as err:
            raise UserError(self._jmsc_file_error_message(err)) from err
        self.line_ids.unlink()
        ctx = self._jmsc_check_context()
        first_seen = {}
        for start in range(0, len(rows), CHECK_CHUNK):
            chunk = [
                {"row_number": number, "values": values, "row_key": template.row_key(values)}
                for number, values in rows[start : start + CHECK_CHUNK]
            ]
            self._jmsc_insert_lines(chunk, self._jmsc_classify_rows(chunk, ctx, first_seen))
        self.env.flush_all()
        self.write(
            {
                "state": "checked",
                "report_file": base64.b64encode(self._jmsc_report_xlsx()),
                "report_filename": f"hasil_pemeriksaan_{self.id}.xlsx",
                "last_error": False,
            }
        )
        return True

    def action_download_report(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/jmsc.migrant.import/{self.id}/report_file/{self.report_filename}?download=true",
            "target": "self",
        }

    def action_apply(self):
        """Import the rows in background jobs (chunk by chunk); refused while an ambiguous row is unresolved."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Run the dry run first, then apply."))
        unresolved = self.env["jmsc.migrant.import.line"].search(
            [("import_id", "=", self.id), ("status", "=", "ambiguous"), ("resolution", "=", False)]
        )
        if unresolved:
            raise UserError(
                self.env._(
                    "Rows %s match registered migrants by name and birth date. Open each and choose the candidate "
                    "or 'new migrant' before applying.",
                    ", ".join(str(n) for n in unresolved.mapped("row_number")[:20]),
                )
            )
        self.state = "running"
        self._jmsc_enqueue_chunks()
        return True

    def action_resume(self):
        """Queue again the rows whose chunk failed (its job is no longer running)."""
        self.ensure_one()
        if self.state not in ("running", "failed"):
            raise UserError(self.env._("Only an import that is running or stopped on an error can be resumed."))
        self.write({"state": "running", "last_error": False})
        self._jmsc_enqueue_chunks()
        return True

    def action_refresh(self):
        return True

    # ---- background work ---------------------------------------------------------------------------

    def _jmsc_pending_lines(self, limit=None):
        """The rows still to import (only the fields the queueing needs are read: a run may hold 100,000)."""
        return self.env["jmsc.migrant.import.line"].search_fetch(
            [
                ("import_id", "in", self.ids),
                ("applied", "=", False),
                "|",
                ("status", "in", ("new", "update")),
                "&",
                ("status", "=", "ambiguous"),
                ("resolution", "!=", False),
            ],
            ["row_number", "job_uuid"],
            limit=limit,
        )

    def _jmsc_enqueue_chunks(self):
        pending = self._jmsc_pending_lines()
        uuids = [uuid for uuid in set(pending.mapped("job_uuid")) if uuid]
        busy = set()
        if uuids:
            # The state of this run's own jobs (the user may not read queue.job): only uuids stored on its rows.
            self.env["queue.job"].flush_model(["state"])
            busy = {
                uuid
                for (uuid,) in self.env.execute_query(
                    SQL(
                        "SELECT uuid FROM queue_job WHERE uuid = ANY(%s) AND state = ANY(%s)",
                        uuids,
                        list(JOB_ACTIVE_STATES),
                    )
                )
            }
        pending = pending.filtered(lambda line: line.job_uuid not in busy)
        if not pending:
            self._jmsc_finish()
            return
        size = max(self.chunk_size, 1)
        ids = pending.ids
        chunks = []
        for number, start in enumerate(range(0, len(ids), size), start=1):
            chunk = pending.browse(ids[start : start + size])
            delayable = self.delayable(
                channel="root.jmsc_import",
                description=self.env._(
                    "Migrant import %(name)s: rows %(first)s-%(last)s",
                    name=self.name,
                    first=chunk[:1].row_number,
                    last=chunk[-1:].row_number,
                ),
                max_retries=5,
            )._jmsc_apply_chunk(chunk.ids)
            chunks.append((delayable, chunk, number))
        # The chunks may run side by side (channel capacity); the run is closed by a last job once all are done
        # (a chunk closes it too when it sees no row left, as when they run one after another).
        closing = self.delayable(
            channel="root.jmsc_import",
            description=self.env._("Migrant import %s: closing", self.name),
            max_retries=5,
        )._jmsc_close_run()
        group(*(delayable for delayable, _chunk, _number in chunks)).on_done(closing).delay()
        if must_run_without_delay(self.env):
            return  # run at once, in order: the rows are applied already
        for delayable, chunk, number in chunks:
            self._jmsc_mark_queued(chunk, delayable._generated_job.uuid, number)

    def _jmsc_close_run(self):
        """Close the run when no row is left to import: the job after every chunk of a queueing, and each
        chunk itself (when the chunks run one after another, the last one closes it)."""
        self.ensure_one()
        if not self._jmsc_pending_lines(limit=1):
            self._jmsc_finish()
        return True

    def _jmsc_mark_queued(self, lines, uuid, number):
        """Store a chunk's job on its rows in one UPDATE (the ORM would write them row by row)."""
        self._jmsc_check_rows(lines, "write")
        lines.flush_recordset(["job_uuid", "chunk"])
        self.env.cr.execute(
            SQL(
                "UPDATE jmsc_migrant_import_line SET job_uuid = %s, chunk = %s, write_uid = %s, write_date = %s"
                " WHERE id = ANY(%s)",
                uuid,
                number,
                self.env.uid,
                self.env.cr.now(),
                lines.ids,
            )
        )
        lines.invalidate_recordset(["job_uuid", "chunk", "write_uid", "write_date"])
        lines.modified(["job_uuid", "chunk"])

    def _jmsc_apply_chunk(self, line_ids):
        """Job: import one chunk, all or nothing. A failure leaves the chunk's rows pending and stops the run."""
        self.ensure_one()
        self.env.flush_all()  # what is pending before the chunk is not part of its savepoint
        # The rows of the chunk still to import, in their order (one query, no row loaded: the rows are read,
        # with the officer's record rules, by _jmsc_apply_lines).
        pending = {
            line_id
            for (line_id,) in self.env.execute_query(
                SQL(
                    "SELECT id FROM jmsc_migrant_import_line WHERE id = ANY(%s) AND applied IS NOT TRUE", list(line_ids)
                )
            )
        }
        lines = self.env["jmsc.migrant.import.line"].browse(line_id for line_id in line_ids if line_id in pending)
        if not lines or self.state not in ("running", "failed"):
            return False
        try:
            with self.env.cr.savepoint():
                self._jmsc_apply_lines(lines)
        except RETRYABLE:
            raise
        except psycopg2.errors.UniqueViolation as err:
            # Another import registered one of these NIKs meanwhile: the chunk is checked again a bit later
            # (the row is then an update or unchanged), as queue_job retries a job.
            self.env.transaction.tocompute.clear()
            self.env.invalidate_all(flush=False)
            raise RetryableJobError(str(err), seconds=10) from err
        except Exception as err:  # noqa: BLE001 - any failure: the chunk is rolled back and reported
            # The cache and the fields to compute still hold what the savepoint rolled back.
            self.env.transaction.tocompute.clear()
            self.env.invalidate_all(flush=False)
            _logger.info("Migrant import %s: chunk of rows %s failed: %s", self.id, lines[:1].row_number, err)
            message = self.env._(
                "Rows %(first)s-%(last)s were not imported: %(error)s. Correct the cause and press Resume.",
                first=lines[:1].row_number,
                last=lines[-1:].row_number,
                error=err,
            )
            lines.write({"error": str(err)})
            self.write({"state": "failed", "last_error": message})
            self._jmsc_notify(message, "danger")
            return False
        return self._jmsc_close_run()

    def _jmsc_apply_lines(self, lines):
        """Check the rows again (the registry may have changed since the dry run), then create the new
        migrants in staged inserts (jmsc_migrant_import_staged.py) and update the others through the ORM."""
        ctx = self._jmsc_check_context()
        Line = self.env["jmsc.migrant.import.line"]
        Line.check_access("read")
        lines.flush_recordset(["row_number", "values", "row_key", "resolution", "resolved_partner_id", "status"])
        # The officer's record rules on the rows in the query that reads them (the ORM would evaluate them
        # row by row in Python): a row outside them is not returned, and refused below.
        query = Line.with_context(active_test=False)._search([("id", "in", lines.ids)])
        columns = ("id", "row_number", "values", "row_key", "resolution", "resolved_partner_id", "status")
        stored = {
            line_id: {
                "row_number": row_number,
                "values": values,
                "row_key": key,
                "resolution": resolution,
                "resolved_partner_id": resolved,
                "status": status,
            }
            for line_id, row_number, values, key, resolution, resolved, status in self.env.execute_query(
                query.select(*(SQL.identifier(query.table, column) for column in columns))
            )
        }
        if len(stored) != len(lines):
            raise self.env["ir.rule"]._make_access_error("read", lines.filtered(lambda line: line.id not in stored))
        rows = [stored[line.id] for line in lines]
        results = self._jmsc_classify_rows(rows, ctx)
        Partner = self.env["res.partner"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True
        )
        created, done, passports = [], [], []
        for line, row, result in zip(lines, rows, results, strict=True):
            if result["status"] == "new":
                created.append((line, row, result))
            elif result["status"] == "update":
                # Updates of registered migrants stay on the ORM's write (tracking, guards, inverses): rare.
                partner = Partner.browse(result["partner_id"])
                if result["vals"]:
                    partner.write(result["vals"])
                if row["status"] == "new":
                    # New at the dry run, registered since (another import): the row tells what was done.
                    line.write(self._jmsc_line_vals(None, result))
                done.append((line, row, partner.id))
                if result["passport"]:
                    passports.append((partner.id, result["passport"]))
            else:
                # Became unchanged (already imported), ambiguous or invalid since the dry run: not applied.
                line.write(self._jmsc_line_vals(None, result) | {"applied": result["status"] == "unchanged"})
        self._jmsc_claim_people_without_nik([result["vals"] for _l, _row, result in created])
        partners = self._jmsc_insert_migrants([(result["vals"], row["row_key"]) for _l, row, result in created], ctx)
        for partner, (line, row, result) in zip(partners, created, strict=True):
            done.append((line, row, partner.id))
            if result["passport"]:
                passports.append((partner.id, result["passport"]))
        self._jmsc_insert_passports(passports, ctx)
        self._jmsc_mark_applied([(line, pid) for line, _row, pid in done])
        # The fingerprint of updated rows without NIK (new ones got it in their INSERT): the same row imported
        # again is recognised, not ambiguous.
        keyed = [(row["row_key"], pid) for _line, row, pid in done if not row["values"].get("nik")]
        if keyed:
            self.env["res.partner"].flush_model(["jmsc_import_key"])
            self.env.cr.execute(
                SQL(
                    "UPDATE res_partner p SET jmsc_import_key = k.key"
                    " FROM unnest(%s::varchar[], %s::int[]) AS k(key, id) WHERE p.id = k.id"
                    " AND p.jmsc_import_key IS DISTINCT FROM k.key",
                    [key for key, _pid in keyed],
                    [pid for _key, pid in keyed],
                )
            )
            self.env["res.partner"].browse(pid for _key, pid in keyed).invalidate_recordset(["jmsc_import_key"])
        self.env.flush_all()

    def _jmsc_claim_people_without_nik(self, partner_vals):
        """Before creating migrants without NIK: touch their regencies' rows. A person without NIK is known by name
        and birth date only, which no unique index guards; two chunks (of two imports) creating people of the same
        regency at once then meet on these rows, and the later one fails with a serialization error, which the
        job runner retries: it then sees the people the other created. (A new migrant with a NIK is guarded by the
        NIK's unique index, see _jmsc_apply_chunk.)"""
        regencies = sorted(
            {vals["regency_id"] for vals in partner_vals if not vals.get("nik") and vals.get("regency_id")}
        )
        if regencies:
            self.env.cr.execute(SQL("UPDATE jmsc_regency SET write_date = write_date WHERE id = ANY(%s)", regencies))

    def _jmsc_finish(self):
        self.ensure_one()
        if self.state == "done":
            return
        self.write({"state": "done", "last_error": False})
        message = self.env._("Import %(name)s done: %(count)s rows imported.", name=self.name, count=self.count_applied)
        self._jmsc_notify(message, "success")

    def _jmsc_notify(self, message, kind):
        """Post on the run (author: the company's OdooBot, no e-mail needed) and notify the officer's browser."""
        odoobot = self.env.ref("base.partner_root")
        self.message_post(body=message, author_id=odoobot.id, message_type="comment", subtype_xmlid="mail.mt_note")
        self.user_id._bus_send("simple_notification", {"type": kind, "title": self.name, "message": message})

    # ---- helpers -----------------------------------------------------------------------------------

    def _jmsc_line_vals(self, row, result):
        vals = {
            "status": result["status"],
            "changes": result["changes"],
            "reasons": result["reasons"],
            "candidate_info": result["candidate_info"],
            "candidate_ids": [(6, 0, result["candidate_ids"])],
            "partner_id": result["partner_id"] or False,
        }
        if row:
            vals.update(
                row_number=row["row_number"],
                name=row["values"].get("name") or "-",
                values=row["values"],
                row_key=row["row_key"],
            )
        return vals

    def _jmsc_file_error_message(self, err):
        if err.code == "header":
            return self.env._(
                "The first row of the file is not the header of the template (it must contain 'Nama Lengkap'); "
                "found: %s. Download the template.",
                err.params.get("first") or "-",
            )
        if err.code == "format":
            return self.env._("The file cannot be read as XLSX. Save it as XLSX or CSV from the template.")
        return self.env._("The file is empty.")

import base64
import csv
import io
from unittest import mock

import openpyxl

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..tools import migrant_import_file as template
from .common import JmscBaseCommon, make_nik

HEADERS = [header for _key, header, _help in template.COLUMNS]


def csv_file(rows):
    """CSV bytes of the template with ``rows`` ({Indonesian header: value})."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, HEADERS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return base64.b64encode(buffer.getvalue().encode())


class MigrantImportCase(JmscBaseCommon):
    """Helpers of the import tests (this file and test_migrant_import_staged.py): no test of its own."""

    def _new_run(self, rows, user=None, filename="data.csv", **values):
        with Form(self.env["jmsc.migrant.import"].with_user(user or self.user_regency)) as form:
            form.file = csv_file(rows)
            for key, value in values.items():
                setattr(form, key, value)
        form.record.filename = filename  # set by the upload widget, invisible in the form
        return form.record

    def _perform_jobs(self, run):
        """Run the run's queued chunks as queue_job's runner would (as the officer, one transaction each)."""
        uuids = sorted(set(run.line_ids.filtered(lambda line: line.job_uuid).mapped("job_uuid")))
        jobs = self.env["queue.job"].search([("uuid", "in", uuids), ("state", "=", "pending")])
        for job in jobs.sorted("id"):
            loaded = Job.load(self.env, job.uuid)
            self.assertEqual(loaded.recordset.env.uid, run.user_id.id, "the job runs as the officer")
            loaded.perform()
            loaded.set_done()
            loaded.store()
        return jobs

    def _documents(self, partner):
        """{(category code, number)} of the partner's documents, archived ones included."""
        documents = (
            self.env["res.partner.id_number"].with_context(active_test=False).search([("partner_id", "=", partner.id)])
        )
        return {(d.category_id.code, d.name) for d in documents}

    def _status(self, run):
        return {line.row_number: line.status for line in run.line_ids}


@tagged("post_install", "-at_install")
class TestMigrantImport(MigrantImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nik_known = make_nik(3, 4, 1991, serial=11, female=True)
        cls.nik_new = make_nik(7, 8, 1995, serial=12, female=True)
        cls.nik_cirebon = make_nik(9, 9, 1993, serial=13, region="320901")
        cls.known = cls._create_migrant("Siti Aminah", cls.nik_known, mobile="081234567001")
        cls.no_nik = cls._create_migrant("Budi Santoso", False, birthdate_date="1990-05-05", gender="male")
        cls.cirebon = cls._create_migrant("Tono Cirebon", cls.nik_cirebon, regency=cls.regency_cirebon)
        cls.rows = [
            # row 2: new, with a passport
            {
                "Nama Lengkap": "Ani Lestari",
                "NIK": cls.nik_new,
                "No. HP": "081234567002",
                "No. Paspor": "C1234567",
                "Paspor Berlaku Sampai": "2031-01-31",
            },
            # row 3: update of a registered migrant (the mobile changes)
            {"Nama Lengkap": "Siti Aminah", "NIK": cls.nik_known, "No. HP": "081234567099"},
            # row 4: no NIK, same name and birth date as a registered migrant: ambiguous
            {
                "Nama Lengkap": "budi  SANTOSO",
                "Tanggal Lahir": "05/05/1990",
                "Kabupaten/Kota": "32.12",
                "Jenis Kelamin": "L",
            },
            # row 5: invalid NIK, no regency
            {"Nama Lengkap": "Salah Nik", "NIK": "123"},
            # row 6: the NIK of row 2 again: duplicate inside the file
            {"Nama Lengkap": "Ani Lestari Lagi", "NIK": cls.nik_new},
            # row 7: registered in a regency the officer does not serve
            {"Nama Lengkap": "Tono Cirebon", "NIK": cls.nik_cirebon},
            # row 8: a new person in a regency the officer does not serve
            {"Nama Lengkap": "Warga Cirebon", "Tanggal Lahir": "1988-02-02", "Kabupaten/Kota": "Kabupaten Cirebon"},
        ]

    def test_dry_run_every_kind_of_row(self):
        run = self._new_run(self.rows)
        partners_before = self.env["res.partner"].search_count([])
        run.action_dry_run()
        self.assertEqual(run.state, "checked")
        self.assertEqual(
            self._status(run),
            {2: "new", 3: "update", 4: "ambiguous", 5: "invalid", 6: "invalid", 7: "invalid", 8: "invalid"},
        )
        lines = {line.row_number: line for line in run.line_ids}
        self.assertIn("+6281234567099", lines[3].changes)
        self.assertIn("PMI-%06d" % self.no_nik.id, lines[4].candidate_info)
        self.assertIn("B. S.", lines[4].candidate_info)
        self.assertEqual(lines[4].candidate_ids, self.no_nik)
        self.assertIn("16", lines[5].reasons)
        self.assertIn("row 2", lines[6].reasons)
        self.assertIn("PMI-%06d" % self.cirebon.id, lines[7].reasons)
        self.assertNotIn("Tono", lines[7].reasons)
        self.assertIn("Kabupaten Cirebon", lines[8].reasons)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "a dry run changes nothing")
        self.assertEqual(self.known.mobile, "+6281234567001")
        # The result workbook: one line per row, with the status and the reasons.
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(run.report_file)), read_only=True)
        sheet_rows = list(book.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(len(sheet_rows), 1 + len(self.rows))
        self.assertEqual([r[0] for r in sheet_rows[1:]], [2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(sheet_rows[1][1], "New")
        self.assertIn("row 2", sheet_rows[5][4])

    def test_reasons_in_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(["jmsc_base"], ["id_ID"])
        self.user_regency.lang = "id_ID"
        run = self._new_run(self.rows).with_context(lang="id_ID")  # as the web client of an officer sends it
        run.action_dry_run()
        lines = {line.row_number: line for line in run.line_ids}
        self.assertIn("baris 2", lines[6].reasons)
        self.assertIn("Anda tidak melayani", lines[8].reasons)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(run.report_file)), read_only=True)
        header = next(book.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(header[:5], ("Baris", "Status", "Perubahan", "Kandidat", "Alasan"))
        self.assertEqual(next(book.worksheets[0].iter_rows(min_row=2, values_only=True))[1], "Baru")

    def test_apply_in_jobs_then_again_is_a_no_op(self):
        run = self._new_run(self.rows, chunk_size=2)
        run.action_dry_run()
        with self.assertRaisesText(UserError, "4"):
            run.action_apply()
        line4 = run.line_ids.filtered(lambda line: line.row_number == 4)
        line4.with_user(self.user_regency).resolution = "new"
        run.action_apply()
        self.assertEqual(run.state, "running")
        jobs = self.env["queue.job"].search([("uuid", "in", run.line_ids.mapped("job_uuid"))])
        self.assertEqual(len(jobs), 2, "3 rows to import in chunks of 2")
        self.assertEqual(set(jobs.mapped("channel")), {"root.jmsc_import"})
        # The chunks may run side by side: a last job, waiting on both, closes the run.
        closing = self.env["queue.job"].search(
            [("method_name", "=", "_jmsc_close_run"), ("model_name", "=", "jmsc.migrant.import")]
        )
        closing = closing.filtered(lambda job: job.records == run)
        self.assertEqual(closing.state, "wait_dependencies")
        self.assertEqual(sorted(closing.dependencies["depends_on"]), sorted(jobs.mapped("uuid")))
        self.assertEqual(run.progress, 0)
        self._perform_jobs(run)
        self.assertEqual(run.state, "done")
        self.assertEqual(run.progress, 100)
        new = self.env["res.partner"].search([("nik", "=", self.nik_new)])
        self.assertTrue(new.is_migrant)
        self.assertEqual(new.regency_id, self.regency_indramayu)
        # One NIK: the NIK created its KTP document, the passport columns a passport document.
        self.assertEqual(self._documents(new), {("KTP", self.nik_new), ("PASSPORT", "C1234567")})
        self.assertEqual(self.known.mobile, "+6281234567099")
        budis = self.env["res.partner"].search(
            [("name", "ilike", "budi santoso"), ("birthdate_date", "=", "1990-05-05")]
        )
        self.assertEqual(len(budis), 2, "resolved as a new person: not merged")
        self.assertTrue(run.message_ids.filtered(lambda m: "3" in (m.body or "")))

        # The same file again: every row is unchanged (or still invalid), nothing is queued nor written.
        count = self.env["res.partner"].search_count([])
        write_dates = {p.id: p.write_date for p in budis | new | self.known}
        documents = self.env["res.partner.id_number"].with_context(active_test=False).search([])
        document_dates = {d.id: d.write_date for d in documents}
        again = self._new_run(self.rows, chunk_size=2)
        again.action_dry_run()
        self.assertEqual(
            self._status(again),
            {2: "unchanged", 3: "unchanged", 4: "unchanged", 5: "invalid", 6: "invalid", 7: "invalid", 8: "invalid"},
        )
        again.action_apply()
        self.assertEqual(again.state, "done")
        self.assertFalse(again.line_ids.filtered("job_uuid"))
        self.assertEqual(self.env["res.partner"].search_count([]), count)
        self.assertEqual({p.id: p.write_date for p in budis | new | self.known}, write_dates)
        documents_after = self.env["res.partner.id_number"].with_context(active_test=False).search([])
        self.assertEqual(documents_after, documents, "no new document")
        self.assertEqual({d.id: d.write_date for d in documents_after}, document_dates)
        self.assertEqual(self._documents(new), {("KTP", self.nik_new), ("PASSPORT", "C1234567")})

    def test_ambiguous_resolved_to_candidate(self):
        run = self._new_run([self.rows[2] | {"No. HP": "081234567055"}])
        run.action_dry_run()
        line = run.line_ids
        self.assertEqual(line.status, "ambiguous")
        with self.assertRaisesText(ValidationError, "candidate"):
            line.with_user(self.user_regency).write({"resolution": "match", "resolved_partner_id": self.known.id})
        line.with_user(self.user_regency).write({"resolution": "match", "resolved_partner_id": self.no_nik.id})
        run.with_context(queue_job__no_delay=True).action_apply()
        self.assertEqual(run.state, "done")
        self.assertEqual(self.no_nik.mobile, "+6281234567055")
        self.assertEqual(line.partner_id, self.no_nik)

    def test_failed_chunk_leaves_no_half_row_and_resumes(self):
        rows = [
            {
                "Nama Lengkap": f"Pekerja {n}",
                "NIK": make_nik(n, 1, 1990, serial=100 + n),
                "No. Paspor": f"D{n:07d}" if n > 2 else "",
            }
            for n in range(1, 5)
        ]
        run = self._new_run(rows, chunk_size=2)
        run.action_dry_run()
        run.action_apply()
        Import = type(self.env["jmsc.migrant.import"])
        original = Import._jmsc_insert_passports
        passport = self.env.ref("jmsc_base.doc_type_passport")

        def failing_insert(records, passports, ctx):
            # Every row's migrant, KTP document and stage history are inserted; the chunk fails on its passports.
            if passports:
                raise RuntimeError("disk full")
            return original(records, passports, ctx)

        with mock.patch.object(Import, "_jmsc_insert_passports", failing_insert):
            self._perform_jobs(run)
        self.assertEqual(run.state, "failed")
        self.assertIn("disk full", run.last_error)
        self.assertEqual(run.count_applied, 2)
        niks = [row["NIK"] for row in rows]
        self.assertEqual(self.env["res.partner"].search_count([("nik", "in", niks[:2])]), 2)
        self.assertFalse(self.env["res.partner"].search([("nik", "in", niks[2:])]), "no half-imported row")
        self.assertFalse(
            self.env["res.partner.id_number"].with_context(active_test=False).search([("name", "in", niks[2:])]),
            "no KTP document of a rolled-back row",
        )
        self.assertTrue(Import._jmsc_insert_passports is original)
        run.with_user(self.user_regency).action_resume()
        self.assertEqual(run.state, "running")
        self._perform_jobs(run)
        self.assertEqual(run.state, "done")
        imported = self.env["res.partner"].search([("nik", "in", niks)])
        self.assertEqual(len(imported), 4, "each row once")
        passports = imported.id_numbers.filtered(lambda d: d.category_id == passport)
        self.assertEqual(sorted(passports.mapped("name")), ["D0000003", "D0000004"])
        ktps = imported.id_numbers.filtered(lambda d: d.category_id.code == "KTP")
        self.assertEqual(sorted(ktps.mapped("name")), sorted(niks), "one KTP document per row")

    def test_concurrent_import_of_the_same_nik_is_retried(self):
        """Two imports racing on the same NIK: the later chunk meets the NIK's unique index, is rolled back whole
        and handed back to the job runner to retry; the retry sees the person and imports the rest."""
        rows = [{"Nama Lengkap": f"Pekerja Balapan {n}", "NIK": make_nik(n, 2, 1991, serial=300 + n)} for n in (1, 2)]
        run = self._new_run(rows)
        run.action_dry_run()
        run.action_apply()
        Import = type(self.env["jmsc.migrant.import"])
        original = Import._jmsc_classify_rows

        def classify_then_race(records, rows_, ctx, first_seen=None):
            results = original(records, rows_, ctx, first_seen)
            # Another import commits the first NIK after this chunk has checked its rows.
            self.env["res.partner"].create(
                {
                    "name": "Pekerja Balapan 1",
                    "nik": rows[0]["NIK"],
                    "is_migrant": True,
                    "regency_id": self.regency_indramayu.id,
                }
            )
            return results

        with (
            mock.patch.object(Import, "_jmsc_classify_rows", classify_then_race),
            mute_logger("odoo.sql_db"),
        ):
            with self.assertRaises(RetryableJobError):
                run.with_user(self.user_regency)._jmsc_apply_chunk(run.line_ids.ids)
        self.assertEqual(run.count_applied, 0, "nothing of the chunk is kept")
        self.assertFalse(self.env["res.partner"].search([("nik", "=", rows[1]["NIK"])]))
        # The racing import's person was rolled back with the chunk here; in production it stays committed.
        self.env["res.partner"].create(
            {
                "name": "Pekerja Balapan 1",
                "nik": rows[0]["NIK"],
                "is_migrant": True,
                "regency_id": self.regency_indramayu.id,
            }
        )
        run.with_user(self.user_regency)._jmsc_apply_chunk(run.line_ids.ids)
        self.assertEqual(run.state, "done")
        self.assertEqual(self.env["res.partner"].search_count([("nik", "in", [r["NIK"] for r in rows])]), 2)
        self.assertEqual(self._status(run), {2: "unchanged", 3: "new"})

    def test_access_regency_and_provincial(self):
        run = self._new_run(self.rows)
        # Another regency officer does not see the run nor its rows (they hold NIKs).
        other = self.user_regency.copy({"login": "jmsc_regency_other"})
        self.assertFalse(self.env["jmsc.migrant.import"].with_user(other).search([("id", "=", run.id)]))
        self.assertFalse(self.env["jmsc.migrant.import.line"].with_user(other).search([("import_id", "=", run.id)]))
        self.assertEqual(
            self.env["jmsc.migrant.import"].with_user(self.user_provincial).search([("id", "=", run.id)]), run
        )
        # A JMSC User cannot import at all.
        with self.assertRaises(AccessError):
            self.env["jmsc.migrant.import"].with_user(self.user_jmsc).create({"name": "x"})
        # A Provincial Officer imports anywhere: the Cirebon rows are valid for them.
        prov = self._new_run(self.rows, user=self.user_provincial)
        prov.action_dry_run()
        status = self._status(prov)
        self.assertEqual((status[7], status[8]), ("unchanged", "new"))

    def test_chunk_refuses_rows_outside_the_officer_rules(self):
        """The set-based checks of a chunk (the rules in the query that reads its rows, and in the UPDATE that
        marks them applied) refuse another officer's rows as check_access would, and change nothing."""
        run = self._new_run(self.rows)
        run.action_dry_run()
        other = self.user_regency.copy({"login": "jmsc_regency_other_chunk"})
        lines = run.line_ids.with_user(other)
        with self.assertRaises(AccessError):
            run.with_user(other)._jmsc_apply_lines(lines)
        with self.assertRaises(AccessError):
            run.with_user(other)._jmsc_mark_applied([(lines[:1], self.env.user.partner_id.id)])
        run.line_ids.invalidate_recordset()
        self.assertFalse(any(run.line_ids.mapped("applied")))

    def test_xlsx_template_round_trip(self):
        run = self._new_run([])
        content = base64.b64decode(run.template_file)
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.worksheets[0]
        self.assertEqual([c.value for c in sheet[1]], HEADERS)
        sheet.append(["Cici Paramida", make_nik(1, 2, 1994, serial=21, female=True)])
        buffer = io.BytesIO()
        book.save(buffer)
        run.write({"file": base64.b64encode(buffer.getvalue()), "filename": "isi.xlsx"})
        run.action_dry_run()
        self.assertEqual(self._status(run), {3: "new"})
        with self.assertRaisesText(UserError, "Nama Lengkap"):
            run.write({"file": base64.b64encode(b"foo,bar\n1,2\n"), "filename": "x.csv"})
            run.action_dry_run()

    def test_dry_run_queries_do_not_grow_with_rows(self):
        def count_queries(n):
            rows = [
                {"Nama Lengkap": f"Orang {i}", "NIK": make_nik(1 + i % 28, 1 + i % 12, 1980 + i % 20, serial=500 + i)}
                for i in range(n)
            ]
            run = self._new_run(rows)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            run.action_dry_run()
            return self.env.cr.sql_log_count - before

        small, large = count_queries(5), count_queries(60)
        self.assertLessEqual(large - small, 6, f"set-based: {small} queries for 5 rows, {large} for 60")

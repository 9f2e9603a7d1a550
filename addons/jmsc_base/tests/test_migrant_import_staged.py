"""The staged inserts of the migrant import (wizards/jmsc_migrant_import_staged.py): the same migrant as the
form creates, the officer's record rules on the inserted rows, erasure, and the queries of a chunk."""

from unittest import mock

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import make_nik
from .test_migrant_import import MigrantImportCase

# Differ between two people by nature (or are the record's own id and timestamps).
OWN_FIELDS = {"id", "nik", "kk_number", "commercial_partner_id", "create_date", "write_date", "jmsc_import_key"}


@tagged("post_install", "-at_install")
class TestMigrantImportStaged(MigrantImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Regency Officer like user_regency, of Cirebon.
        cls.cirebon_officer = cls.user_regency.copy(
            {"login": "jmsc_regency_cirebon", "jmsc_regency_ids": [(6, 0, cls.regency_cirebon.ids)]}
        )

    def _row(self, name, nik, kk_number, passport, area=True):
        row = {
            "Nama Lengkap": name,
            "NIK": nik,
            "No. KK": kk_number,
            "Tempat Lahir": "Indramayu",
            "Kecamatan": "Juntinyuat",
            "Desa/Kelurahan": "Dadap",
            "Alamat": "Jl. Siliwangi 1",
            "No. HP": "0812-3456-7001",
            "Email": "Ani.Lestari@Example.com",
            "Pendidikan": "SMA",
            "Status Perkawinan": "Kawin",
            "No. Paspor": passport,
            "Paspor Berlaku Sampai": "2031-01-31",
        }
        if not area:  # chosen from the official lists in the form (res_partner_area.py)
            del row["Kecamatan"], row["Desa/Kelurahan"]
        return row

    def _import(self, rows, user=None, chunk_size=500):
        run = self._new_run(rows, user=user, chunk_size=chunk_size)
        run.action_dry_run()
        run.action_apply()
        self._perform_jobs(run)
        return run

    def _stored_values(self, partner):
        """Every stored column of the partner (all groups: read as the superuser)."""
        Partner = self.env["res.partner"]
        fnames = [
            name
            for name, field in Partner._fields.items()
            if field.store and field.column_type and name not in OWN_FIELDS
        ]
        values = partner.sudo().read(fnames, load=False)[0]
        del values["id"]
        return values

    def test_same_stored_values_as_the_form(self):
        """A staged-insert migrant has every stored field (computed ones included) as the migrant form gives."""
        nik_form, nik_import = (
            make_nik(7, 8, 1995, serial=31, female=True),
            make_nik(7, 8, 1995, serial=32, female=True),
        )
        kk_form, kk_import = "3212010101100031", "3212010101100032"
        Partner = self.env["res.partner"].with_user(self.user_regency)
        with Form(
            Partner.with_context(default_is_migrant=True), view="jmsc_base.res_partner_view_form_migrant"
        ) as form:
            form.name = "Ani Lestari"
            form.nik = nik_form
            form.kk_number = kk_form
            form.place_of_birth = "Indramayu"
            form.street = "Jl. Siliwangi 1"
            form.mobile = "0812-3456-7001"
            form.email = "Ani.Lestari@Example.com"
            form.education_level = "sma"
            form.marital_status = "married"
        by_form = form.record
        self._add_document(by_form, "jmsc_base.doc_type_passport", "C7654301", valid_until="2031-01-31")

        run = self._import([self._row("Ani Lestari", nik_import, kk_import, "C7654302", area=False)])
        self.assertEqual(run.state, "done", run.last_error)
        imported = run.line_ids.partner_id
        self.assertTrue(imported)
        self.maxDiff = None
        self.assertEqual(self._stored_values(imported), self._stored_values(by_form))
        self.assertEqual((imported.nik, imported.kk_number), (nik_import, kk_import))
        self.assertEqual(imported.commercial_partner_id, imported)
        self.assertEqual(imported.phone_sanitized, "+6281234567001")
        self.assertEqual(imported.email_normalized, "ani.lestari@example.com")
        self.assertEqual(imported.create_uid, self.user_regency)
        # The documents as the NIK and KK inverses and the passport column make them, and one stage history line.
        self.assertEqual(self._documents(imported), {("KTP", nik_import), ("KK", kk_import), ("PASSPORT", "C7654302")})
        documents = self.env["res.partner.id_number"].search([("partner_id", "in", (imported | by_form).ids)])
        states = {(d.partner_id == imported, d.category_id.code): (d.expiry_state, d.expiry_date) for d in documents}
        for (_is_imported, code), value in states.items():
            self.assertEqual(value, states[(False, code)], code)
        history = imported.stage_history_ids
        self.assertEqual((len(history), history.stage_to, history.user_id), (1, "prospective", self.user_regency))
        # The ORM's cache and search see the inserted rows as any other.
        self.assertEqual(Partner.search([("nik", "=", nik_import)]), imported)
        self.assertEqual(Partner.search([("complete_name", "=", "Ani Lestari"), ("id", "=", imported.id)]), imported)

    def test_officer_of_another_regency_refused_by_the_rules(self):
        """Were the row check of the regency bypassed, the officer's record rules on the inserted rows still
        refuse the chunk: nothing of it stays."""
        cirebon_officer = self.cirebon_officer
        niks = [make_nik(n, 2, 1991, serial=40 + n) for n in range(1, 4)]  # issued in Indramayu
        rows = [{"Nama Lengkap": f"Warga {n}", "NIK": nik} for n, nik in enumerate(niks)]
        Import = type(self.env["jmsc.migrant.import"])
        with mock.patch.object(Import, "_jmsc_check_regency_allowed", lambda self, regency_id, ctx: []):
            run = self._new_run(rows, user=cirebon_officer)
            run.action_dry_run()
            self.assertEqual(set(self._status(run).values()), {"new"})
            run.action_apply()
            self._perform_jobs(run)
        self.assertEqual(run.state, "failed")
        self.assertTrue(run.last_error)
        self.assertEqual(run.count_applied, 0)
        self.env.flush_all()
        self.assertFalse(
            self.env.execute_query(SQL("SELECT id FROM res_partner WHERE nik = ANY(%s)", niks)), "chunk rolled back"
        )
        self.assertFalse(
            self.env.execute_query(SQL("SELECT id FROM res_partner_id_number WHERE name = ANY(%s)", niks)),
            "no KTP document left",
        )
        # Without the bypass, the dry run itself says so, in words.
        again = self._new_run(rows, user=cirebon_officer)
        again.action_dry_run()
        self.assertEqual(set(self._status(again).values()), {"invalid"})
        self.assertIn("Indramayu", again.line_ids[:1].reasons)

    def test_staged_insert_checks_rules_directly(self):
        cirebon_officer = self.cirebon_officer
        run = self._new_run([], user=cirebon_officer)
        ctx = run._jmsc_check_context()
        vals = {
            "name": "Warga Indramayu",
            "nik": make_nik(3, 3, 1993, serial=51),
            "regency_id": self.regency_indramayu.id,
        }
        with self.assertRaises(AccessError):
            run._jmsc_insert_migrants([(vals, "k")], ctx)
        self.assertFalse(self.env["res.partner"].search([("nik", "=", vals["nik"])]))
        # Their own regency: inserted.
        vals = dict(vals, nik=make_nik(3, 3, 1993, serial=52, region="320901"), regency_id=self.regency_cirebon.id)
        partner = run._jmsc_insert_migrants([(vals, "k")], ctx)
        self.assertEqual(partner.with_user(cirebon_officer).regency_id, self.regency_cirebon)

    def test_staged_migrant_is_erasable(self):
        nik = make_nik(9, 9, 1994, serial=61, female=True)
        run = self._import([self._row("Sari Erasable", nik, "", "C7654361")])
        partner = run.line_ids.partner_id
        self.assertEqual((partner.district, partner.village), ("Juntinyuat", "Dadap"))
        form = Form(
            self.env["jmsc.anonymize.wizard"]
            .with_user(self.user_manager)
            .with_context(active_model="res.partner", active_ids=partner.ids)
        )
        form.confirm = True
        form.save().action_anonymize()
        self.assertTrue(partner.is_anonymized)
        self.assertNotIn("Erasable", partner.name)
        for fname in ("nik", "mobile", "email", "street", "village", "place_of_birth"):
            self.assertFalse(partner[fname], fname)
        self.env.flush_all()
        for table, column, value in (
            ("res_partner", "nik", nik),
            ("res_partner", "email_normalized", "ani.lestari@example.com"),
            ("res_partner", "phone_sanitized", "+6281234567001"),
            ("res_partner_id_number", "name", nik),
            ("res_partner_id_number", "name", "C7654361"),
        ):
            query = SQL("SELECT id FROM %s WHERE %s = %s", SQL.identifier(table), SQL.identifier(column), value)
            self.assertFalse(self.env.execute_query(query), f"{table}.{column} still holds it")
        self.assertFalse(partner.sudo().jmsc_import_key)

    def test_chunk_queries_do_not_grow_with_rows(self):
        """One INSERT per table and one query per check per chunk: the queries of a chunk are pinned."""

        def apply_chunk(count, serial):
            rows = [
                {
                    "Nama Lengkap": f"Pekerja {serial + n}",
                    "NIK": make_nik(1 + n % 28, 1 + n % 12, 1985, serial=serial + n),
                    "No. HP": f"08123{serial + n:07d}",
                    "Email": f"pekerja{serial + n}@example.com",
                    "No. Paspor": f"E{serial + n:07d}",
                }
                for n in range(count)
            ]
            run = self._new_run(rows)
            run.action_dry_run()
            run.state = "running"
            lines = run.line_ids
            self.env.flush_all()
            self.env.invalidate_all()
            return run, lines

        run, lines = apply_chunk(2, 600)  # the caches of the registry (regency codes, rules) filled once
        run.with_user(self.user_regency)._jmsc_apply_chunk(lines.ids)
        for count, serial in ((3, 700), (30, 800)):
            run, lines = apply_chunk(count, serial)
            with self.assertQueryCount(55):
                run.with_user(self.user_regency)._jmsc_apply_chunk(lines.ids)
            self.assertEqual(run.count_applied, count)

import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install")
class TestAccessLog(JmscBaseCommon):
    """Who saw what: reads of a NIK and exports are logged, without the values, and reported to managers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nik = make_nik(9, 9, 1990, serial=9201)
        cls.migrant = cls._create_migrant("Log Subject", cls.nik, kk_number="3212999999999999")
        cls.other = cls._create_migrant("Log Other", make_nik(9, 9, 1990, serial=9202))
        cls.Log = cls.env["jmsc.access.log"]
        cls.user_regency.groups_id |= cls.env.ref("base.group_allow_export")

    def _lines(self, **domain):
        return self.Log.search([(key, "=", value) for key, value in domain.items()])

    def test_web_read_of_nik_is_logged_without_value(self):
        partner = self.migrant.with_user(self.user_regency)
        # the web client's form: web_read of the NIK
        values = partner.web_read({"name": {}, "nik": {}, "kk_number": {}})
        self.assertEqual(values[0]["nik"], self.nik)
        line = self._lines(user_id=self.user_regency.id, partner_id=self.migrant.id)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.operation, "read")
        self.assertEqual(line.field_names, "kk_number, nik")
        # no NIK value anywhere in the log
        self.env.cr.execute("SELECT count(*) FROM jmsc_access_log log WHERE log::text LIKE %s", [f"%{self.nik}%"])
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # search_read (JSON-RPC clients) is logged too; reading only the name is not
        partner.search_read([("id", "=", self.migrant.id)], ["nik"])
        self.assertEqual(len(self._lines(user_id=self.user_regency.id, partner_id=self.migrant.id)), 2)
        partner.read(["name"])
        self.assertEqual(len(self._lines(user_id=self.user_regency.id, partner_id=self.migrant.id)), 2)

    def test_export_is_logged(self):
        partners = (self.migrant | self.other).with_user(self.user_regency)
        partners.export_data(["name", "nik"])
        lines = self._lines(user_id=self.user_regency.id, operation="export")
        self.assertEqual(lines.partner_id, self.migrant | self.other)
        self.assertEqual(set(lines.mapped("field_names")), {"name, nik"})

    def test_passport_read_is_logged(self):
        passport = self._add_document(self.migrant, "jmsc_base.doc_type_passport", "C9988776")
        ktp = self._add_document(self.migrant, "jmsc_base.doc_type_ktp", self.nik)
        (passport | ktp).with_user(self.user_regency).web_read({"name": {}})
        line = self._lines(user_id=self.user_regency.id, res_model="res.partner.id_number")
        self.assertEqual(line.res_id, passport.id)
        self.assertEqual(line.partner_id, self.migrant)

    def test_reports_for_managers(self):
        self.migrant.with_user(self.user_regency).web_read({"nik": {}})
        (self.migrant | self.other).with_user(self.user_regency).export_data(["nik"])
        wizard = self.env["jmsc.access.log.report"].with_user(self.user_manager)
        # per person: who opened my file
        person = wizard.create({"mode": "person", "partner_id": self.migrant.id})
        self.assertEqual(set(person._jmsc_lines().mapped("operation")), {"read", "export"})
        self.assertEqual(person._jmsc_lines().user_id, self.user_regency)
        action = person.action_show()
        self.assertEqual(self.Log.with_user(self.user_manager).search(action["domain"]), person._jmsc_lines())
        # per account: what this account read between two dates
        account = wizard.create({"mode": "user", "user_id": self.user_regency.id})
        self.assertEqual(len(account._jmsc_lines()), 3)
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_xlsx("jmsc_base.report_access_log_xlsx", account.ids, {})
        )
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), 3)
        self.assertEqual({row[1] for row in rows}, {self.user_regency.login})
        self.assertNotIn(self.nik, str(rows))
        # dates outside the window find nothing
        past = wizard.create(
            {"mode": "user", "user_id": self.user_regency.id, "date_from": "2020-01-01", "date_to": "2020-01-04"}
        )
        self.assertFalse(past._jmsc_lines())

    def test_a_read_of_the_same_second_is_in_the_report(self):
        """The report ends at "now", to the second: a read made earlier in that second is in it (CI failed
        when the test class's transaction, whose time the log takes, began in the second the report ran)."""
        self.env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        transaction_time = self.env.cr.fetchone()[0]
        self.migrant.with_user(self.user_regency).web_read({"nik": {}})
        line = self._lines(user_id=self.user_regency.id, partner_id=self.migrant.id)
        self.assertEqual(line.date, transaction_time.replace(microsecond=0))
        with freeze_time(transaction_time):
            report = (
                self.env["jmsc.access.log.report"]
                .with_user(self.user_manager)
                .create({"mode": "person", "partner_id": self.migrant.id})
            )
        self.assertEqual(report._jmsc_lines(), line)

    def test_log_is_read_by_managers_only_and_append_only(self):
        self.migrant.with_user(self.user_regency).web_read({"nik": {}})
        line = self._lines(user_id=self.user_regency.id)
        self.assertEqual(len(line), 1)
        for user in (self.user_jmsc, self.user_regency, self.user_provincial, self.user_portal):
            with self.assertRaises(AccessError):
                self.Log.with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["jmsc.access.log.report"].with_user(user).create({"mode": "user", "user_id": user.id})
        self.assertEqual(self.Log.with_user(self.user_manager).search([("id", "=", line.id)]), line)
        for user in (self.user_manager, self.user_admin):
            with self.assertRaises(UserError):
                line.with_user(user).write({"field_names": "name"})
            with self.assertRaises(UserError):
                line.with_user(user).unlink()
            with self.assertRaises(UserError):
                self.Log.with_user(user).create({"user_id": user.id, "operation": "read", "res_model": "x"})
        # not even the superuser changes or deletes a line; only the log's own retention does
        with self.assertRaises(UserError):
            line.write({"field_names": "name"})
        with self.assertRaises(UserError):
            line.unlink()
        self.env.cr.execute("UPDATE jmsc_access_log SET date = now() - interval '5 years' WHERE id = %s", [line.id])
        self.Log._cron_jmsc_purge()
        self.assertFalse(line.exists())


@tagged("post_install", "-at_install")
class TestAccessLogReportDownload(HttpCase):
    """A report downloaded by a regency officer through the web client's route is logged."""

    def test_report_download_is_logged(self):
        regency = self.env.ref("jmsc_base.regency_3212")
        officer = new_test_user(
            self.env,
            login="log_regency_officer",
            groups="jmsc_base.group_jmsc_regency_officer",
            jmsc_regency_ids=[(6, 0, regency.ids)],
        )
        migrant = self.env["res.partner"].create(
            {
                "name": "Log Report Subject",
                "is_migrant": True,
                "nik": make_nik(8, 8, 1988, serial=9301),
                "regency_id": regency.id,
            }
        )
        self.authenticate(officer.login, officer.login)
        # the web client's form read, through its JSON-RPC route (read-only in Odoo 18 unless overridden)
        values = self.make_jsonrpc_request(
            "/web/dataset/call_kw/res.partner/web_read",
            {
                "model": "res.partner",
                "method": "web_read",
                "args": [[migrant.id]],
                "kwargs": {"specification": {"name": {}, "nik": {}}},
            },
        )
        self.assertEqual(values[0]["nik"], migrant.nik)
        read = self.env["jmsc.access.log"].search([("user_id", "=", officer.id), ("operation", "=", "read")])
        self.assertEqual((read.partner_id, read.field_names), (migrant, "nik"))
        response = self.url_open(f"/report/xlsx/jmsc_base.migrant_registry_xlsx/{migrant.id}")
        self.assertEqual(response.status_code, 200)
        line = self.env["jmsc.access.log"].search([("user_id", "=", officer.id), ("operation", "=", "report")])
        self.assertEqual(line.partner_id, migrant)
        report = self.env.ref("jmsc_base.report_migrant_registry_xlsx").with_context(lang=officer.lang)
        self.assertEqual(line.detail, report.name)

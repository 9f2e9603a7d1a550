import io

import openpyxl
from freezegun import freeze_time

from odoo.tests import tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestReports(LtsaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner.id_number"].create(
            {"partner_id": cls.migrant.id, "category_id": cls.doc_kk.id, "name": "3212010101950001"}
        )
        cls.request = cls._request(cls.migrant, cls.site, [cls.service_ak1, cls.service_skck])
        desk_1, desk_2 = cls.desk_1, cls.desk_2
        with freeze_time("2026-12-01 02:00:00"):
            cls.request.action_confirm()
            cls.site.issue_ticket(cls.cat_a.id)
        with freeze_time("2026-12-01 02:10:00"):
            desk_1.action_call_next()
            desk_1.action_start()
        with freeze_time("2026-12-01 02:20:00"):
            desk_1.action_finish()
            desk_1.action_call_next()
        with freeze_time("2026-12-01 02:30:00"):
            desk_2.action_call_next()
            desk_2.action_start()
        cls.request.step_ids[1].output_number = "SKCK/T/7777"
        with freeze_time("2026-12-01 06:00:00"):
            desk_2.action_finish()

    def _xlsx(self, report, data):
        content, kind = self.env["ir.actions.report"]._render(report, self.site.ids, data=data)
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_daily_xlsx_lists_every_step(self):
        book = self._xlsx("jmsc_ltsa.action_report_daily_xlsx", {"date": "2026-12-01"})
        steps_sheet, tickets_sheet = book.worksheets
        rows = list(steps_sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Request", "Migrant", "Service"))
        self.assertEqual(len(rows), 3)
        self.assertEqual([r[2] for r in rows[1:]], ["Test AK1", "Test SKCK"])
        ak1 = rows[1]
        self.assertEqual(ak1[5].strftime("%H:%M"), "09:00", "times are local (WIB)")
        self.assertAlmostEqual(ak1[9], 10.0)
        self.assertAlmostEqual(ak1[10], 10.0)
        self.assertEqual(rows[2][12], "Breached", "3.5 hours for a 2-hour SLA")
        ticket_rows = list(tickets_sheet.iter_rows(values_only=True))
        self.assertEqual([r[0] for r in ticket_rows[1:]], ["TA-001", "TA-002", "TB-001"])
        empty = self._xlsx("jmsc_ltsa.action_report_daily_xlsx", {"date": "2026-12-02"})
        self.assertEqual(len(list(empty.worksheets[0].iter_rows(values_only=True))), 1)

    def test_monthly_sla_xlsx(self):
        book = self._xlsx("jmsc_ltsa.action_report_sla_xlsx", {"month": "2026-12"})
        rows = list(book.worksheets[0].iter_rows(values_only=True))
        by_service = {r[1]: r for r in rows[1:-1]}
        self.assertEqual(by_service["Test AK1"][:5], ("T Desk 1", "Test AK1", 1, 0, 1.0))
        self.assertEqual(by_service["Test SKCK"][:5], ("T Desk 2", "Test SKCK", 1, 1, 0.0))
        self.assertEqual(rows[-1][:4], ("Total", None, 2, 1))
        november = self._xlsx("jmsc_ltsa.action_report_sla_xlsx", {"month": "2026-11"})
        self.assertEqual(list(november.worksheets[0].iter_rows(values_only=True))[-1][:4], ("Total", None, 0, 0))

    def test_visit_summary_pdf(self):
        html = self.assertReportRenders("jmsc_ltsa.action_report_visit_summary", self.request.ids)
        self.assertIn(self.migrant.name, html)
        self.assertIn("SKCK/T/7777", html)
        self.assertIn("Test AK1", html)

    def test_ticket_receipt_pdf(self):
        ticket = self.request.ticket_ids[:1]
        html = self.env["ir.actions.report"]._render_qweb_html("jmsc_ltsa.action_report_ticket_receipt", ticket.ids)[0]
        self.assertIn(ticket.name, html.decode())
        self.assertNotIn(self.migrant.name, html.decode())

    def test_report_wizard_passes_the_period(self):
        wizard = (
            self.env["jmsc.ltsa.report.wizard"]
            .with_user(self.supervisor)
            .with_context(active_ids=self.site.ids)
            .create({"date": "2026-12-01"})
        )
        self.assertEqual(wizard.site_ids, self.site)
        daily = wizard.action_print_daily()
        self.assertEqual((daily["report_name"], daily["data"]), ("jmsc_ltsa.daily_xlsx", {"date": "2026-12-01"}))
        monthly = wizard.action_print_monthly()
        self.assertEqual(monthly["data"], {"month": "2026-12"})

import io
from datetime import datetime

import openpyxl
from freezegun import freeze_time

from odoo.tests import tagged

from .common import JmscHelpdeskCommon

REPORT_PDF = "jmsc_helpdesk.action_report_case_summary"
REPORT_XLSX = "jmsc_helpdesk.action_report_case_statistics_xlsx"


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestReports(JmscHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-08-13 08:00:00"):
            cls.case_aug = cls._case(
                jmsc_sla_start=datetime(2026, 8, 13, 8, 0),
                channel_id=cls.env.ref("jmsc_helpdesk.channel_hotline").id,
            )
        with freeze_time("2026-08-14 02:00:00"):
            cls.case_aug.stage_id = cls.stage_done
        with freeze_time("2026-09-02 08:00:00"):
            cls.case_sep = cls._case(jmsc_sla_start=datetime(2026, 9, 2, 8, 0), jmsc_migrant_id=cls.migrant_cirebon.id)
            cls.case_sep_late = cls._case(jmsc_sla_start=datetime(2026, 9, 1, 1, 0))
        cls.case_sep_late._jmsc_refresh_sla_state(datetime(2026, 9, 30, 8, 0))
        cls.cases = cls.case_aug | cls.case_sep | cls.case_sep_late

    def test_case_summary_prints_personal_data_for_case_managers_only(self):
        report = self.env["ir.actions.report"]
        html_manager = report.with_user(self.user_case_manager)._render_qweb_html(REPORT_PDF, self.case_aug.ids)[0]
        self.assertIn(b"3212014506955001", html_manager)
        self.assertIn(b"Siti Test Aminah", html_manager)
        html_agent = report.with_user(self.user_agent)._render_qweb_html(REPORT_PDF, self.case_aug.ids)[0]
        self.assertIn(self.case_aug.number.encode(), html_agent)
        self.assertNotIn(b"3212014506955001", html_agent)
        self.assertNotIn(b"Siti Test Aminah", html_agent)
        self.assertIn(b"o_jmsc_personal_data_withheld", html_agent)
        self.assertNotIn(b'o_jmsc_personal_data"', html_agent)
        pdf, kind = (
            report.with_user(self.user_case_manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT_PDF, self.case_aug.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_monthly_statistics_xlsx(self):
        content, kind = (
            self.env["ir.actions.report"].with_user(self.user_supervisor)._render(REPORT_XLSX, self.cases.ids)
        )
        self.assertEqual(kind, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            workbook.sheetnames, ["By Case Type", "By Regency", "By Country", "By Channel", "SLA Compliance"]
        )
        sheet = workbook["By Case Type"]
        self.assertEqual([cell.value for cell in sheet[3]], [None, "2026-08", "2026-09", "Total"])
        self.assertEqual([cell.value for cell in sheet[4]], ["Test unpaid wages", 1, 2, 3])
        regencies = {row[0].value: row[-1].value for row in workbook["By Regency"].iter_rows(min_row=4)}
        self.assertEqual(regencies, {self.regency_indramayu.display_name: 2, self.regency_cirebon.display_name: 1})
        countries = {row[0].value: row[-1].value for row in workbook["By Country"].iter_rows(min_row=4)}
        self.assertEqual(countries, {"Taiwan": 2, "Malaysia": 1})
        sla = [cell.value for cell in workbook["SLA Compliance"][4]]
        self.assertEqual(sla[:5], ["Test unpaid wages", 3, 1, 1, 2])
        self.assertAlmostEqual(sla[5], 2 / 3)

import datetime
import io

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestReports(TrainingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.create_batch(days=2)
        cls.sessions = cls.add_session(cls.batch) | cls.add_session(
            cls.batch, day=cls.batch.date_start + datetime.timedelta(days=1)
        )
        cls.trainees = cls.create_migrant("Nina", female=True) | cls.create_migrant("Omar", regency=cls.cirebon)
        cls.enrolments = cls.enrol(cls.batch, cls.trainees)
        cls.enrolments.action_enrol()
        cls.batch.action_start()
        cls.sessions._prepare_attendance()
        cls.nina, cls.omar = cls.enrolments
        cls.sessions[1].attendance_ids.filtered(lambda a: a.enrolment_id == cls.omar).status = "absent"
        for enrolment in cls.enrolments:
            enrolment.score_ids = [
                Command.create({"component_id": cls.written.id, "score": 80.0}),
                Command.create({"component_id": cls.speaking.id, "score": 75.0}),
            ]
        cls.batch.action_done()

    def _xlsx(self, report_ref, ids):
        content, report_type = self.env["ir.actions.report"]._render(report_ref, ids)
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    def test_attendance_matrix(self):
        workbook = self._xlsx("jmsc_training.action_report_training_attendance_xlsx", self.batch.ids)
        sheet = workbook[self.batch.name.replace("/", "-")]
        self.assertEqual(sheet["A1"].value, self.batch.name)
        self.assertEqual(sheet["B5"].value, "Trainee")
        self.assertEqual(sheet["D5"].value.date(), self.sessions[0].date)
        self.assertEqual(sheet["E5"].value.date(), self.sessions[1].date)
        rows = {sheet.cell(row, 2).value: [sheet.cell(row, col).value for col in range(3, 8)] for row in (6, 7)}
        self.assertEqual(rows["Nina"], [self.indramayu.name, "P", "P", 2, 100.0])
        self.assertEqual(rows["Omar"], [self.cirebon.name, "P", "A", 1, 50.0])
        self.assertEqual(sheet.freeze_panes, "D6")

    def test_statistics_workbook(self):
        workbook = self._xlsx("jmsc_training.action_report_training_statistics_xlsx", self.enrolments.ids)
        self.assertEqual(workbook.sheetnames, ["By Programme", "By Centre", "By Regency", "By Period"])
        sheet = workbook["By Programme"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[:2], ["Programme", "Enrolments"])
        row = [cell.value for cell in sheet[2]]
        self.assertEqual(row[0], self.japanese.display_name)
        self.assertEqual(row[1], 2)
        self.assertEqual(row[header.index("Completed")], 1)
        self.assertEqual(row[header.index("Failed")], 1)
        self.assertEqual(row[header.index("Completion Rate (%)")], 50.0)
        regencies = {sheet_row[0].value for sheet_row in workbook["By Regency"].iter_rows(min_row=2, max_row=3)}
        self.assertEqual(regencies, {self.indramayu.display_name, self.cirebon.display_name})
        period = workbook["By Period"]["A2"].value
        self.assertEqual(period, self.batch.date_start.strftime("%Y-%m"))

    def test_certificate_pdf(self):
        self.assertEqual(self.nina.state, "completed")
        html = self.assertReportRenders("jmsc_training.action_report_training_certificate", self.nina.ids)
        self.assertIn(self.nina.certificate_number, html)
        self.assertIn("Nina", html)
        self.assertIn("data:image/png;base64,", html, "The QR code is embedded.")
        self.assertNotIn(self.nina.partner_id.nik, html, "No NIK on the certificate.")
        action = self.nina.action_print_certificate()
        self.assertEqual(action["report_name"], "jmsc_training.report_training_certificate")

    def test_no_certificate_for_failed(self):
        self.assertEqual(self.omar.state, "failed")
        with self.assertRaisesText(UserError, "only completed enrolments"):
            self.env["ir.actions.report"]._render_qweb_html(
                "jmsc_training.action_report_training_certificate", self.omar.ids
            )

    def test_class_list_pdf(self):
        html = self.assertReportRenders("jmsc_training.action_report_training_class_list", self.batch.ids)
        self.assertIn("Class List", html)
        self.assertIn("Nina", html)
        self.assertIn("Omar", html)

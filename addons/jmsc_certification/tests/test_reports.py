import io
from datetime import timedelta
from urllib.parse import quote

import openpyxl

from odoo.tests import Form, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestReports(CertificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.application = cls._documented_application(cls.migrant_1)
        cls.event_a.action_confirm()
        cls._enter(cls.application, {cls.unit_1: "k", cls.unit_2: "bk", cls.unit_3: "k"})
        cls.certificate = cls._issue_certificate(cls.migrant_1)
        cls.revoked = cls._issue_certificate(cls.migrant_2, scheme=cls.scheme_b)
        cls.revoked._change_status("revoked", "Fraud")

    def test_certificate_pdf_has_qr_of_public_url(self):
        html = self.assertReportRenders("jmsc_certification.action_report_certificate", self.certificate.ids)
        self.assertIn("/report/barcode/QR/" + quote(self.certificate.verification_url, safe=""), html)
        self.assertIn(self.certificate.name, html)
        self.assertIn("/jmsc/certificate/" + self.certificate.token, self.certificate.verification_url)

    def test_assessment_record_pdf(self):
        html = self.assertReportRenders("jmsc_certification.action_report_assessment_record", self.application.ids)
        for unit in (self.unit_1, self.unit_2, self.unit_3):
            self.assertIn(unit.code, html)
        self.assertIn("BK", html)

    def _workbook(self, action):
        # Searched in the test's language (en_US); _get_report_from_name would switch to the user's.
        report = self.env["ir.actions.report"].search([("report_name", "=", action["report_name"])])
        content, fmt = report._render(report.report_name, [], data=action["data"])
        self.assertEqual(fmt, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_registry_xlsx_with_filters(self):
        wizard_form = Form(self.env["jmsc.cert.report.wizard"])
        wizard_form.scheme_ids.add(self.scheme_a)
        wizard_form.scheme_ids.add(self.scheme_b)
        wizard = wizard_form.save()
        sheet = self._workbook(wizard.action_print_registry()).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Certificate Number")
        self.assertEqual({row[0] for row in rows[1:]}, {self.certificate.name, self.revoked.name})
        self.assertEqual(sheet.freeze_panes, "A2")

        wizard.states = "current"
        rows = list(self._workbook(wizard.action_print_registry()).active.iter_rows(values_only=True))
        self.assertEqual([row[0] for row in rows[1:]], [self.certificate.name])
        self.assertEqual(rows[1][2], self.migrant_1.name)
        self.assertEqual(rows[1][8], "Valid")

        wizard.write({"states": "all", "valid_on": self.certificate.expiry_date + timedelta(days=1)})
        rows = list(self._workbook(wizard.action_print_registry()).active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 1)

    def test_statistics_xlsx(self):
        wizard = self.env["jmsc.cert.report.wizard"].create(
            {"scheme_ids": [(6, 0, (self.scheme_a | self.scheme_b).ids)]}
        )
        workbook = self._workbook(wizard.action_print_statistics())
        self.assertEqual(workbook.sheetnames, ["By Scheme", "By LSP", "By Regency"])
        by_lsp = {row[0]: row for row in workbook["By LSP"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(by_lsp[self.lsp_a.name][1], 1)  # valid
        self.assertEqual(by_lsp[self.lsp_b.name][5], 1)  # revoked
        self.assertEqual(by_lsp["Total"][6], 2)
        by_regency = {row[0]: row for row in workbook["By Regency"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(by_regency[self.regency_indramayu.display_name][6], 1)
        self.assertEqual(by_regency[self.regency_cirebon.display_name][6], 1)

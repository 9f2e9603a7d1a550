import io
from unittest.mock import patch

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import JmscTourCase


@tagged("post_install", "-at_install")
class TestTourOfficer(JmscTourCase):
    """officer.indramayu, from their landing page: dashboard, list, new migrant, document, PDF, XLSX."""

    def test_officer_indramayu_journey(self):
        officer = self._demo_user("jmsc_base.user_regency_officer_demo", lang="id_ID")
        rendered = []
        Report = type(self.env["ir.actions.report"])
        render_pdf, render_html, render_xlsx = Report._render_qweb_pdf, Report._render_qweb_html, Report._render_xlsx

        def spy_pdf(report_self, report_ref, res_ids=None, data=None):
            result = render_pdf(report_self, report_ref, res_ids=res_ids, data=data)
            rendered.append((report_self._get_report(report_ref).report_name, report_self.env.uid, res_ids, result))
            return result

        def spy_html(report_self, report_ref, docids, data=None):
            # Without a working wkhtmltopdf (test mode) the web client shows the HTML version.
            result = render_html(report_self, report_ref, docids, data=data)
            rendered.append((report_self._get_report(report_ref).report_name, report_self.env.uid, docids, result))
            return result

        def spy_xlsx(report_self, report_ref, docids, data):
            result = render_xlsx(report_self, report_ref, docids, data)
            rendered.append((report_self._get_report(report_ref).report_name, report_self.env.uid, docids, result))
            return result

        with (
            patch.object(Report, "_render_qweb_pdf", spy_pdf),
            patch.object(Report, "_render_qweb_html", spy_html),
            patch.object(Report, "_render_xlsx", spy_xlsx),
        ):
            self.start_tour("/odoo", "jmsc_base_officer_journey", login="officer.indramayu")

        migrant = self.env["res.partner"].search([("nik", "=", "3212015206960088")])
        self.assertEqual(migrant.name, "Tour Warsini Binti Darma")
        self.assertEqual(migrant.regency_id, self.env.ref("jmsc_base.regency_3212"))
        # The passport typed in the tour, and the KTP that holds the NIK (one NIK).
        self.assertEqual(sorted(migrant.id_numbers.mapped("name")), ["3212015206960088", "C4455667"])
        self.assertEqual(migrant.create_uid, officer)

        reports = {name: (uid, ids, result) for name, uid, ids, result in rendered}
        self.assertIn("jmsc_base.report_migrant_profile_document", reports, f"rendered: {[r[0] for r in rendered]}")
        uid, ids, (content, _kind) = reports["jmsc_base.report_migrant_profile_document"]
        self.assertEqual((uid, list(ids)), (officer.id, migrant.ids))
        content = content.decode() if isinstance(content, bytes) else content
        self.assertIn("Tour Warsini Binti Darma", content)
        self.assertNotIn("YourCompany", content)
        uid, ids, (content, _kind) = reports["jmsc_base.migrant_registry_xlsx"]
        self.assertEqual((uid, list(ids)), (officer.id, migrant.ids))
        sheet = load_workbook(io.BytesIO(content)).active
        self.assertIn("Tour Warsini Binti Darma", [cell.value for row in sheet.iter_rows() for cell in row])

import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestReports(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ani = cls._create_migrant("Ani Suryani", "3212014506950001", mobile="081234567890")
        cls.budi = cls._create_migrant("Budi Santoso", "3209011203900002", regency=cls.regency_cirebon)
        cls.dedi = cls._create_migrant("Dedi", "3209011504880003", regency=cls.regency_cirebon)
        Placement = cls.env["jmsc.placement"]
        Placement.create(
            [
                {
                    "partner_id": cls.ani.id,
                    "country_id": cls.env.ref("base.hk").id,
                    "employer": "Mrs Chan",
                    "sector": "domestic",
                    "state": "active",
                },
                {
                    "partner_id": cls.budi.id,
                    "country_id": cls.env.ref("base.kr").id,
                    "sector": "manufacturing",
                    "state": "active",
                },
                {"partner_id": cls.dedi.id, "country_id": cls.env.ref("base.kr").id, "sector": "fishing"},
            ]
        )
        cls._add_document(cls.ani, "jmsc_base.doc_type_passport", "C1234567")
        cls.migrants = cls.ani | cls.budi | cls.dedi
        cls.Report = cls.env["ir.actions.report"]

    def test_profile_sheet_renders_with_qr_without_nik(self):
        html = self.assertReportRenders("jmsc_base.report_migrant_profile", self.ani.ids)
        self.assertIn("Ani Suryani", html)
        self.assertIn("C1234567", html)
        self.assertIn(self.ani.jmsc_reference, html)
        qr = html[html.index("/report/barcode/") :].split('"')[0]
        self.assertIn("barcode_type=QR", qr)
        self.assertIn(self.ani.jmsc_reference, qr)
        self.assertNotIn(self.ani.nik, qr)

    def test_qr_code_image_is_generated(self):
        png = self.Report.barcode("QR", self.ani.jmsc_reference, width=140, height=140)
        self.assertTrue(png.startswith(b"\x89PNG"))

    def test_registry_xlsx(self):
        content, report_type = self.Report._render("jmsc_base.report_migrant_registry_xlsx", self.migrants.ids)
        self.assertEqual(report_type, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Reference", "Name", "NIK"))
        by_name = {row[1]: row for row in rows[1:]}
        self.assertEqual(set(by_name), {"Ani Suryani", "Budi Santoso", "Dedi"})
        ani = by_name["Ani Suryani"]
        self.assertEqual(ani[2], "3212014506950001")
        self.assertEqual(ani[8], "+6281234567890")
        self.assertEqual(ani[10], "Hong Kong")
        self.assertEqual(ani[11], "Mrs Chan")
        self.assertEqual(sheet.freeze_panes, "C2")

    def test_statistics_xlsx(self):
        content, _type = self.Report._render("jmsc_base.report_migrant_statistics_xlsx", self.migrants.ids)
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["By Regency", "By Destination", "By Sector", "By Stage"])

        def table(name):
            rows = list(workbook[name].iter_rows(min_row=3, values_only=True))
            header = rows[0]
            return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows[1:]}

        regencies = table("By Regency")
        self.assertEqual(regencies["Kabupaten Cirebon"]["Total"], 2)
        self.assertEqual(regencies["Kabupaten Indramayu"]["Prospective (Calon PMI)"], 1)
        self.assertEqual(regencies["Total"]["Total"], 3)
        self.assertEqual(table("By Destination")["South Korea"]["Total"], 2)
        sectors = table("By Sector")
        self.assertEqual(sectors["Fishing Crew"]["South Korea"], 1)
        self.assertEqual(sectors["Domestic Worker"]["Hong Kong"], 1)
        self.assertEqual(table("By Stage")["Prospective (Calon PMI)"]["Migrants"], 3)

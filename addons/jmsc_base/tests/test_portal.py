from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        regency = cls.env.ref("jmsc_base.regency_3212")
        cls.portal_migrant = new_test_user(
            cls.env, login="portal_pmi", password="portal_pmi", groups="base.group_portal", name="Siti Portal"
        )
        cls.env["jmsc.consent"].create({"partner_id": cls.portal_migrant.partner_id.id, "purpose": "portal"})
        cls.portal_migrant.partner_id.write({"is_migrant": True, "regency_id": regency.id, "nik": "3212015505960006"})
        cls.env["jmsc.placement"].create(
            {
                "partner_id": cls.portal_migrant.partner_id.id,
                "country_id": cls.env.ref("base.tw").id,
                "employer": "Lin Family",
                "sector": "caregiver",
                "state": "active",
            }
        )
        cls.env["res.partner.id_number"].create(
            {
                "partner_id": cls.portal_migrant.partner_id.id,
                "category_id": cls.env.ref("jmsc_base.doc_type_passport").id,
                "name": "C5550001",
            }
        )
        other = cls.env["res.partner"].create(
            {"name": "Orang Lain", "is_migrant": True, "regency_id": regency.id, "nik": "3212011203900002"}
        )
        cls.env["res.partner.id_number"].create(
            {"partner_id": other.id, "category_id": cls.env.ref("jmsc_base.doc_type_passport").id, "name": "C9990009"}
        )
        cls.portal_other = new_test_user(
            cls.env, login="portal_other", password="portal_other", groups="base.group_portal"
        )

    def test_migrant_reads_own_profile_only(self):
        self.authenticate("portal_pmi", "portal_pmi")
        home = self.url_open("/my")
        self.assertIn("/my/migrant-profile", home.text)
        page = self.url_open("/my/migrant-profile")
        self.assertEqual(page.status_code, 200)
        for text in ("Siti Portal", "3212015505960006", "Lin Family", "C5550001"):
            self.assertIn(text, page.text)
        self.assertNotIn("C9990009", page.text)
        self.assertNotIn("Orang Lain", page.text)

    def test_non_migrant_gets_no_profile(self):
        self.authenticate("portal_other", "portal_other")
        self.assertNotIn("/my/migrant-profile", self.url_open("/my").text)
        self.assertEqual(self.url_open("/my/migrant-profile").status_code, 404)
        self.authenticate(None, None)
        response = self.url_open("/my/migrant-profile", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

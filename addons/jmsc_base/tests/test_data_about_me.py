import json

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestDataAboutMe(JmscBaseCommon):
    """The subject's own copy: the person (portal) and a JMSC Manager download it, logged; nobody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sari = cls.user_portal.partner_id
        cls.env["jmsc.consent"].create({"partner_id": cls.sari.id, "purpose": "portal"})  # her portal account
        cls.sari.write(
            {
                "name": "Sari Privasi",
                "is_migrant": True,
                "nik": "3212014506950077",
                "regency_id": cls.regency_indramayu.id,
                "mobile": "081299990077",
            }
        )
        cls.passport = cls._add_document(cls.sari, "jmsc_base.doc_type_passport", "C7650077")
        cls.old_ktp = cls._add_document(cls.sari, "jmsc_base.doc_type_ktp", "3212014506950077", active=False)
        cls.placement = cls.env["jmsc.placement"].create(
            {
                "partner_id": cls.sari.id,
                "country_id": cls.env.ref("base.tw").id,
                "employer": "Mr Lin",
                "sector": "caregiver",
            }
        )
        cls.other = cls._create_migrant("Budi Lain", "3212011203900078")
        cls.user_other_portal = new_test_user(cls.env, login="privacy_portal_other", groups="base.group_portal")
        cls.env["jmsc.consent"].create({"partner_id": cls.user_other_portal.partner_id.id, "purpose": "portal"})
        cls.user_other_portal.partner_id.write(
            {"is_migrant": True, "regency_id": cls.regency_indramayu.id, "nik": "3212011203900079"}
        )

    def _export(self, partner, user):
        content, mimetype, filename = partner.with_user(user)._jmsc_privacy_download("json")
        self.assertEqual(mimetype, "application/json")
        self.assertTrue(filename.endswith(".json"))
        return json.loads(content)

    def _records(self, export):
        return {(c["model"], r["id"]) for c in export["categories"] for r in c["records"]}

    def test_portal_user_gets_own_data_with_purpose_and_recipients(self):
        export = self._export(self.sari, self.user_portal)
        self.assertEqual(export["subject"]["id"], self.sari.id)
        records = self._records(export)
        for record in (self.sari, self.passport, self.old_ktp, self.placement, self.user_portal):
            self.assertIn((record._name, record.id), records, f"{record._name} #{record.id} in the export")
        self.assertNotIn(("res.partner", self.other.id), records)
        for category in export["categories"]:
            self.assertTrue(category["purpose"], f"{category['key']} says why it is processed")
            self.assertTrue(category["recipients"], f"{category['key']} says who receives it")
        text = json.dumps(export)
        self.assertIn("3212014506950077", text, "the person's own NIK is in their copy")
        self.assertIn("C7650077", text)
        self.assertNotIn("3212011203900078", text, "nobody else's NIK")
        log = self.sari.message_ids.filtered(lambda m: "JSON" in (m.body or ""))
        self.assertEqual(len(log), 1, "the download is logged in the person's chatter")
        self.assertIn(self.user_portal.name, log.body)
        self.assertEqual(log.author_id, self.env.ref("base.partner_root"))

    def test_portal_user_cannot_get_someone_else(self):
        for partner in (self.other, self.user_other_portal.partner_id):
            with self.assertRaises(AccessError):
                partner.with_user(self.user_portal)._jmsc_privacy_download("json")

    def test_other_roles_are_refused(self):
        for user in (self.user_jmsc, self.user_regency, self.user_provincial, self.user_other_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.sari.with_user(user)._jmsc_privacy_download("json")
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.sari.with_user(user).action_jmsc_data_export_pdf()
        self.assertFalse(self.sari.message_ids.filtered(lambda m: "JSON" in (m.body or "")), "nothing logged")

    def test_manager_downloads_on_request_logged(self):
        export = self._export(self.sari, self.user_manager)
        self.assertIn(("res.partner.id_number", self.old_ktp.id), self._records(export), "archived documents too")
        action = self.sari.with_user(self.user_manager).action_jmsc_data_export_pdf()
        self.assertEqual(action["url"], f"/jmsc/data-about-me/{self.sari.id}/pdf")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_qweb_html("jmsc_base.report_jmsc_data_about_me", self.sari.ids)[0]
            .decode()
        )
        self.assertIn("Sari Privasi", html)
        self.assertIn("C7650077", html)
        self.assertIn(self.env.ref("base.tw").name, html)
        log = self.sari.message_ids.filtered(lambda m: "JSON" in (m.body or ""))
        self.assertIn(self.user_manager.name, log.body)
        # ... and in the access log (who saw what), without any personal data in the line
        line = (
            self.env["jmsc.access.log"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.sari.id),
                    ("operation", "=", "export"),
                    ("user_id", "=", self.user_manager.id),
                ]
            )
        )
        self.assertEqual(line.detail, "data-about-me.json")

    def test_report_refuses_whoever_else_renders_it(self):
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_regency)._render_qweb_html(
                "jmsc_base.report_jmsc_data_about_me", self.sari.ids
            )

    def test_wizard_shows_the_plan_before_it_runs(self):
        wizard = Form(
            self.env["jmsc.anonymize.wizard"]
            .with_user(self.user_manager)
            .with_context(active_model="res.partner", active_ids=self.sari.ids)
        )
        plan = wizard.plan_html
        for line in ("Identity documents", "Placements", "Portal accounts"):
            self.assertIn(line, plan)
        self.assertIn("Kept, personal data erased", plan, "the placement is kept, scrubbed, and the plan says why")
        self.assertTrue(self.sari.exists() and not self.sari.is_anonymized, "the plan changes nothing")

    def test_anonymising_erases_archived_documents_and_the_portal_login(self):
        self.sari._jmsc_anonymize()
        self.env.invalidate_all()
        documents = (
            self.env["res.partner.id_number"]
            .with_context(active_test=False)
            .search([("partner_id", "=", self.sari.id)])
        )
        self.assertFalse(documents, "archived documents are erased too")
        user = self.user_portal.with_context(active_test=False)
        self.assertFalse(user.active)
        self.assertNotIn(user.login, ("jmsc_portal",))
        self.assertFalse(self.placement.employer)
        self.assertEqual(self.placement.country_id, self.env.ref("base.tw"), "statistics kept")


@tagged("post_install", "-at_install")
class TestDataAboutMeHttp(HttpCase):
    """The routes: the portal user gets their own copy; a manager's route refuses anyone else."""

    def test_routes(self):
        regency = self.env.ref("jmsc_base.regency_3212")
        portal = new_test_user(self.env, login="privacy_http_portal", password="privacy_http_portal1",
                               groups="base.group_portal")  # fmt: skip
        self.env["jmsc.consent"].create({"partner_id": portal.partner_id.id, "purpose": "portal"})
        portal.partner_id.write({"name": "Rina Unduh", "is_migrant": True, "regency_id": regency.id})
        other = self.env["res.partner"].create({"name": "Lain Orang", "is_migrant": True, "regency_id": regency.id})
        self.authenticate("privacy_http_portal", "privacy_http_portal1")
        response = self.url_open("/my/data-about-me/json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["subject"]["id"], portal.partner_id.id)
        response = self.url_open("/my/data-about-me/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        response = self.url_open(f"/jmsc/data-about-me/{other.id}/json")
        self.assertNotEqual(response.status_code, 200, "the manager's route refuses a portal user")
        self.assertNotIn("Lain Orang", response.text)
        manager = new_test_user(self.env, login="privacy_http_mgr", password="privacy_http_mgr1",
                                groups="jmsc_base.group_jmsc_manager")  # fmt: skip
        manager.partner_id.email = False  # contract 4: logging works for a user without email
        self.authenticate("privacy_http_mgr", "privacy_http_mgr1")
        response = self.url_open(f"/jmsc/data-about-me/{other.id}/json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["subject"]["name"], "Lain Orang")
        self.assertEqual(
            other.message_ids.filtered(lambda m: "JSON" in (m.body or "")).author_id, self.env.ref("base.partner_root")
        )

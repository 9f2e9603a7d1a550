from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestJourneys(HttpCase):
    """Issue #12: the journeys in the browser, as the people who make them, in Bahasa Indonesia."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(["jmsc_helpdesk", "helpdesk_mgmt"], ["id_ID"], overwrite=True)
        cls.env["ir.config_parameter"].set_param("jmsc_helpdesk.complaint_limit_client", "1000")
        cls.public = cls.env.ref("base.public_user")
        cls.public.partner_id.lang = "id_ID"

    def _demo_user(self, xmlid):
        user = self.env.ref(xmlid, raise_if_not_found=False)
        if not user:
            self.skipTest("demo data not installed")
        # The officer reads no English; the demo user keeps no email requirement (contract 7).
        user.write({"lang": "id_ID", "tz": "Asia/Jakarta"})
        return user

    def test_visitor_sends_a_complaint_and_checks_it_in_lower_case(self):
        self.start_tour("/jmsc/complaint", "jmsc_helpdesk_complaint_tour", login=None)
        case = self.env["helpdesk.ticket"].search([("jmsc_subject_name", "=", "Tour Test Nengsih")])
        self.assertEqual(len(case), 1)
        self.assertIn("empat bulan", case.description)
        self.assertEqual(case.stage_id, self.env.ref("jmsc_helpdesk.stage_moderation"))
        self.assertEqual(case.category_id, self.env.ref("jmsc_helpdesk.case_type_wages"))
        self.assertEqual(case.jmsc_country_id, self.env.ref("base.tw"))
        self.assertFalse(case.jmsc_sla_start)

    def test_agent_accepts_a_web_complaint_from_the_landing_page(self):
        dewi = self._demo_user("jmsc_helpdesk.user_agent_demo")
        dewi.partner_id.email = False
        code = (
            self.env["helpdesk.ticket"]
            .with_user(self.public)
            ._jmsc_create_public_complaint(
                {
                    "name": "Ibu Tour Warsih",
                    "contact": "0812 5555 7777",
                    "migrant_name": "Tour Test Nengsih",
                    "category_id": str(self.env.ref("jmsc_helpdesk.case_type_wages").id),
                    "description": "Anak saya belum menerima gaji.",
                }
            )
        )
        case = self.env["helpdesk.ticket"].search([("jmsc_tracking_code", "=", code)])
        self.start_tour("/odoo/jmsc-call-centre-queue", "jmsc_helpdesk_moderation_tour", login="agent.dewi")
        self.assertEqual(case.user_id, dewi)
        self.assertTrue(case.jmsc_sla_start, "the SLA clock started on acceptance")
        self.assertTrue(case.jmsc_resolution_deadline)
        self.assertEqual(case.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress"))
        self.assertEqual(case.jmsc_public_update, "Kami sudah menghubungi majikan di Taiwan.")
        status = self.env["helpdesk.ticket"].with_user(self.public)._jmsc_public_status(code.lower())
        self.assertEqual(status["update"], "Kami sudah menghubungi majikan di Taiwan.")

    def test_case_manager_sees_the_sensitive_case(self):
        rina = self._demo_user("jmsc_helpdesk.user_case_manager_demo")
        migrant = self.env["res.partner"].create(
            {
                "name": "Tour Sensitive Migrant",
                "is_migrant": True,
                "nik": "3212014506955077",
                "regency_id": self.env.ref("jmsc_base.regency_3212").id,
            }
        )
        self.env["helpdesk.ticket"].create(
            {
                "name": "Tour trafficking case",
                "description": "<p>Recruited without papers.</p>",
                "category_id": self.env.ref("jmsc_helpdesk.case_type_tppo").id,
                "jmsc_migrant_id": migrant.id,
                "user_id": rina.id,
            }
        )
        self.start_tour("/odoo/jmsc-call-centre-my-cases", "jmsc_helpdesk_sensitive_tour", login="casemanager.rina")

from odoo.addons.jmsc_base.tests.common import JmscTourCase, make_migrant
from odoo.tests import tagged


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestJourneys(JmscTourCase):
    """Issue #12: the journeys in the browser, as the people who make them, in Bahasa Indonesia."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._activate_indonesian("jmsc_helpdesk", "helpdesk_mgmt")
        cls.env["ir.config_parameter"].set_param("jmsc_helpdesk.complaint_limit_client", "1000")
        cls.public = cls.env.ref("base.public_user")
        cls.public.partner_id.lang = "id_ID"

    def _demo_user(self, xmlid, **values):
        # The officer reads no English; the demo user keeps no email requirement (contract 7).
        return super()._demo_user(xmlid, lang="id_ID", tz="Asia/Jakarta", **values)

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
        migrant = make_migrant(self.env, "Tour Sensitive Migrant", "3212014506955077")
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

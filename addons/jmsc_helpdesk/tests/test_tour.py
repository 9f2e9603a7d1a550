from datetime import date

from odoo.addons.jmsc_base.tests.common import JmscTourCase, make_agency, make_migrant
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestHotlineTour(JmscTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The tour types dates as dd/mm/yyyy, the Bahasa Indonesia format.
        cls._activate_indonesian()
        cls.agent = new_test_user(
            cls.env,
            login="tour_agent",
            groups="jmsc_helpdesk.group_jmsc_helpdesk_agent",
            tz="Asia/Jakarta",
            lang="id_ID",
        )
        cls.migrant = make_migrant(cls.env, "Tour Test Migrant", "3212014506955031")
        # The migrant consented to share their data with BP3MI: the referral goes through (UU PDP).
        cls.env["jmsc.consent"].create(
            {
                "partner_id": cls.migrant.id,
                "purpose": "sharing",
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_bp3mi").id,
            }
        )
        cls.bp3mi = make_agency(cls.env, "BP3MI Tour Bandung", "bp3mi")

    def test_agent_logs_call_opens_case_and_refers_it(self):
        self.start_tour(
            "/odoo/action-jmsc_helpdesk.jmsc_helpdesk_call_action_new", "jmsc_helpdesk_hotline_tour", login="tour_agent"
        )
        call = self.env["jmsc.helpdesk.call"].search([("caller_name", "=", "Ibu Tour Karsih")])
        self.assertEqual(call.user_id, self.agent)
        case = call.ticket_id
        self.assertTrue(case, "the case was opened from the call")
        self.assertEqual(case.jmsc_migrant_id, self.migrant, "the migrant was found by NIK")
        self.assertEqual(case.user_id, self.agent)
        self.assertEqual(case.jmsc_referral_ids.agency_id, self.bp3mi)
        self.assertEqual(case.jmsc_referral_ids.reference_number, "B/2026/77")
        self.assertEqual(case.jmsc_referral_ids.follow_up_date, date(2026, 12, 31))

import datetime

from odoo.tests import tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install")
class TestHelpdeskTimeline(JmscHelpdeskCommon):
    """The call centre's events on the migrant timeline follow the case rules, sensitivity first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls._case(user_id=cls.user_agent.id, jmsc_sla_start=datetime.datetime(2026, 3, 2, 2, 0))
        cls.tppo = cls._case(
            name="Passport held by the agency",
            description="<p>Victim statement: do not share</p>",
            category_id=cls.category_tppo.id,
            user_id=cls.user_agent2.id,
            jmsc_sla_start=datetime.datetime(2026, 3, 5, 2, 0),
        )
        cls.call = cls.env["jmsc.helpdesk.call"].create(
            {
                "ticket_id": cls.case.id,
                "call_date": datetime.datetime(2026, 3, 2, 3, 0),
                "duration": 5.0,
                "caller_number": "0812",
            }
        )

    def _cases(self, user):
        events = self.migrant_indramayu.with_user(user)._jmsc_timeline(newest_first=False)
        return [(e["kind"], e["res_model"], e["res_id"]) for e in events if e["module"] == "jmsc_helpdesk"]

    def test_agent_sees_own_case_and_call_not_the_sensitive_case(self):
        self.assertEqual(
            self._cases(self.user_agent),
            [
                ("case_opened", "helpdesk.ticket", self.case.id),
                ("call", "jmsc.helpdesk.call", self.call.id),
            ],
        )

    def test_assigned_agent_and_case_manager_see_the_sensitive_case(self):
        self.assertIn(("case_opened", "helpdesk.ticket", self.tppo.id), self._cases(self.user_agent2))
        self.assertIn(("case_opened", "helpdesk.ticket", self.tppo.id), self._cases(self.user_case_manager))

    def test_regency_officer_sees_ordinary_cases_only(self):
        cases = self._cases(self.user_regency)
        self.assertIn(("case_opened", "helpdesk.ticket", self.case.id), cases)
        self.assertNotIn(("case_opened", "helpdesk.ticket", self.tppo.id), cases)

    def test_no_description_in_the_timeline(self):
        html = str(self.migrant_indramayu.with_user(self.user_case_manager).jmsc_timeline_html)
        self.assertIn(self.tppo.number, html)
        self.assertNotIn("Victim statement", html)
        self.assertNotIn("Passport held", html)

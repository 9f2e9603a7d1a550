from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestSecurity(JmscHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_plain = cls._case()
        cls.case_cirebon = cls._case(jmsc_migrant_id=cls.migrant_cirebon.id)
        cls.case_sensitive = cls._case(
            name="Recruited without papers", category_id=cls.category_tppo.id, user_id=cls.user_agent.id
        )

    def _visible(self, user):
        return (
            self.env["helpdesk.ticket"]
            .with_user(user)
            .search([("id", "in", (self.case_plain | self.case_cirebon | self.case_sensitive).ids)])
        )

    def test_sensitive_flag_follows_case_type(self):
        self.assertTrue(self.case_sensitive.jmsc_is_sensitive)
        self.assertEqual(self.case_sensitive.priority, "3")
        self.assertFalse(self.case_plain.jmsc_is_sensitive)

    def test_sensitive_case_visible_to_assigned_officer_and_case_managers(self):
        self.assertIn(self.case_sensitive, self._visible(self.user_agent), "the assigned officer sees it")
        self.assertIn(self.case_sensitive, self._visible(self.user_case_manager))
        self.assertIn(self.case_sensitive, self._visible(self.user_supervisor))
        for user in (self.user_agent2, self.user_jmsc, self.user_provincial):
            visible = self._visible(user)
            self.assertNotIn(self.case_sensitive, visible, user.login)
            with self.assertRaises(AccessError, msg=user.login):
                self.case_sensitive.with_user(user).read(["name"])

    def test_agents_see_that_a_sensitive_case_exists(self):
        stubs = self.env["jmsc.helpdesk.sensitive.case"].with_user(self.user_agent2).search([])
        self.assertIn(self.case_sensitive.id, stubs.ids)
        self.assertNotIn(self.case_plain.id, stubs.ids)
        stub = stubs.browse(self.case_sensitive.id)
        self.assertEqual(stub.number, self.case_sensitive.number)
        self.assertEqual(stub.user_id, self.user_agent)
        self.assertNotIn("name", stub._fields, "the stub carries no description of the case")
        with self.assertRaises(AccessError):
            self.env["jmsc.helpdesk.sensitive.case"].with_user(self.user_portal).search([])

    def test_sensitive_calls_and_referrals_hidden(self):
        call = self.env["jmsc.helpdesk.call"].create(
            {"ticket_id": self.case_sensitive.id, "caller_number": "08123", "notes": "victim's address"}
        )
        referral = self.env["jmsc.helpdesk.referral"].create(
            {"ticket_id": self.case_sensitive.id, "agency_id": self.agency_bp3mi.id}
        )
        self.assertFalse(self.env["jmsc.helpdesk.call"].with_user(self.user_agent2).search([("id", "=", call.id)]))
        self.assertFalse(
            self.env["jmsc.helpdesk.referral"].with_user(self.user_agent2).search([("id", "=", referral.id)])
        )
        self.assertTrue(self.env["jmsc.helpdesk.call"].with_user(self.user_agent).search([("id", "=", call.id)]))
        self.assertTrue(
            self.env["jmsc.helpdesk.referral"].with_user(self.user_case_manager).search([("id", "=", referral.id)])
        )

    def test_agent_opening_sensitive_case_keeps_it(self):
        case = (
            self.env["helpdesk.ticket"]
            .with_user(self.user_agent2)
            .create({"name": "Forced labour", "description": "x", "category_id": self.category_tppo.id})
        )
        self.assertEqual(case.user_id, self.user_agent2)
        self.assertTrue(case.jmsc_is_sensitive)

    def test_regency_officers_read_cases_of_their_regencies_only(self):
        for user in (self.user_jmsc, self.user_regency):
            visible = self._visible(user)
            self.assertIn(self.case_plain, visible, user.login)
            self.assertNotIn(self.case_cirebon, visible, user.login)
            with self.assertRaises(AccessError, msg=user.login):
                self.case_plain.with_user(user).write({"name": "changed"})
            with self.assertRaises(AccessError, msg=user.login):
                self.env["helpdesk.ticket"].with_user(user).create({"name": "x", "description": "x"})
        visible = self._visible(self.user_provincial)
        self.assertIn(self.case_cirebon, visible)
        with self.assertRaises(AccessError):
            self.case_cirebon.with_user(self.user_provincial).write({"name": "changed"})

    def test_agent_works_on_cases_and_logs_calls(self):
        case = self.case_cirebon.with_user(self.user_agent2)
        case.write({"jmsc_public_update": "We contacted the employer."})
        call = (
            self.env["jmsc.helpdesk.call"]
            .with_user(self.user_agent2)
            .create({"ticket_id": case.id, "caller_number": "0812000", "direction": "outbound"})
        )
        self.assertEqual(call.user_id, self.user_agent2)
        with self.assertRaises(AccessError):
            call.unlink()
        with self.assertRaises(AccessError):
            self.category_wages.with_user(self.user_agent2).write({"jmsc_resolution_hours": 99})
        with self.assertRaises(AccessError):
            self.env["jmsc.helpdesk.escalation"].with_user(self.user_agent2).create(
                {"ticket_id": case.id, "kind": "response"}
            )

    def test_supervisor_configures_sla(self):
        self.category_wages.with_user(self.user_supervisor).write({"jmsc_resolution_hours": 24})
        self.env["jmsc.helpdesk.sla"].with_user(self.user_supervisor).create(
            {"category_id": self.category_wages.id, "priority": "2", "response_hours": 2, "resolution_hours": 20}
        )
        with self.assertRaises(AccessError):
            self.env["jmsc.helpdesk.sla"].with_user(self.user_case_manager).create(
                {"category_id": self.category_wages.id, "priority": "0", "response_hours": 2, "resolution_hours": 20}
            )

    def test_read_only_officers_cannot_log_calls_or_refer(self):
        for user in (self.user_jmsc, self.user_provincial):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["jmsc.helpdesk.call"].with_user(user).create(
                    {"ticket_id": self.case_plain.id, "caller_number": "0812"}
                )
            with self.assertRaises(AccessError, msg=user.login):
                self.env["jmsc.helpdesk.referral"].with_user(user).create(
                    {"ticket_id": self.case_plain.id, "agency_id": self.agency_bp3mi.id}
                )

    def test_portal_user_has_no_access(self):
        for model in ("jmsc.helpdesk.call", "jmsc.helpdesk.referral", "jmsc.helpdesk.escalation", "jmsc.helpdesk.sla"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_portal).search([])

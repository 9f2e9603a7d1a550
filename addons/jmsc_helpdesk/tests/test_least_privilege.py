from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestLeastPrivilege(JmscHelpdeskCommon):
    """Issue #11: agents, case managers and supervisors, each with what the policy names and no more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category_violence = cls.category_tppo.copy({"name": "Test violence"})
        cls.case_tppo = cls._case(
            name="Recruited without papers",
            category_id=cls.category_tppo.id,
            user_id=cls.user_agent.id,
            jmsc_migrant_id=cls.migrant_cirebon.id,
        )
        cls.case_plain = cls._case(user_id=cls.user_agent2.id)
        cls.migrant_other = cls._create_migrant(
            "Euis Test Komariah", "3213014506955003", cls.env.ref("jmsc_base.regency_3213")
        )
        # A case manager without an email address (contract 7).
        cls.user_case_manager_no_mail = new_test_user(
            cls.env, login="hd_cm_nomail", groups="jmsc_helpdesk.group_jmsc_helpdesk_case_manager"
        )
        cls.user_case_manager_no_mail.partner_id.email = False

    # Write guards (contract 2), as the agent would do over JSON-RPC

    def test_agent_cannot_unflag_or_move_a_sensitive_case(self):
        case = self.case_tppo.with_user(self.user_agent)
        with self.assertRaisesRegex(UserError, "Change Case Type or Sensitivity"):
            case.write({"jmsc_is_sensitive": False})
        with self.assertRaisesRegex(UserError, case.number):
            case.write({"category_id": self.category_wages.id})
        with self.assertRaisesRegex(UserError, case.number, msg="sensitive to sensitive goes through the method too"):
            case.write({"category_id": self.category_violence.id})
        self.assertTrue(self.case_tppo.jmsc_is_sensitive)
        self.assertEqual(self.case_tppo.category_id, self.category_tppo)
        with self.assertRaises(AccessError):
            case._jmsc_change_sensitivity(self.category_wages, False, "not trafficking")
        with self.assertRaises(AccessError):
            case.action_jmsc_open_sensitivity_wizard()

    def test_agent_cannot_move_a_plain_case_into_a_sensitive_type_or_create_one_unflagged(self):
        case = self.case_plain.with_user(self.user_agent2)
        with self.assertRaisesRegex(UserError, case.number):
            case.write({"category_id": self.category_tppo.id})
        with self.assertRaisesRegex(UserError, "Change Case Type or Sensitivity"):
            case.write({"jmsc_is_sensitive": True})
        with self.assertRaisesRegex(UserError, "sensitive flag"):
            self.env["helpdesk.ticket"].with_user(self.user_agent).create(
                {"name": "x", "description": "x", "category_id": self.category_tppo.id, "jmsc_is_sensitive": False}
            )
        # Plain moves between plain case types stay free.
        other_plain = self.category_wages.copy({"name": "Test document problem"})
        case.write({"category_id": other_plain.id})
        self.assertEqual(self.case_plain.category_id, other_plain)

    def test_agent_cannot_hand_a_sensitive_case_to_another_agent(self):
        case = self.case_tppo.with_user(self.user_agent)
        with self.assertRaisesRegex(UserError, case.number):
            case.write({"user_id": self.user_agent2.id})
        with self.assertRaisesRegex(UserError, case.number):
            case.write({"user_id": False})
        case.write({"user_id": self.user_case_manager.id})
        self.assertEqual(self.case_tppo.user_id, self.user_case_manager)

    def test_case_manager_changes_sensitivity_through_the_method_recorded_in_chatter(self):
        case = self.case_tppo.with_user(self.user_case_manager_no_mail)
        with self.assertRaisesRegex(UserError, "Change Case Type or Sensitivity"):
            case.write({"jmsc_is_sensitive": False})
        with self.assertRaisesRegex(UserError, "reason"):
            case._jmsc_change_sensitivity(self.category_wages, False, "  ")
        wizard = (
            self.env["jmsc.helpdesk.sensitivity.wizard"]
            .with_user(self.user_case_manager_no_mail)
            .create(
                {
                    "ticket_id": case.id,
                    "category_id": self.category_wages.id,
                    "is_sensitive": False,
                    "reason": "The caller confirmed a wage dispute only.",
                }
            )
        )
        wizard.action_apply()
        self.assertFalse(self.case_tppo.jmsc_is_sensitive)
        self.assertEqual(self.case_tppo.category_id, self.category_wages)
        note = self.case_tppo.message_ids.filtered(lambda m: "wage dispute only" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.user_case_manager_no_mail.partner_id)
        self.assertIn(self.category_tppo.name, note.body)
        # Flagging a plain case keeps the close gate.
        self.case_plain.with_user(self.user_supervisor)._jmsc_change_sensitivity(
            self.category_wages, True, "Signs of forced labour."
        )
        self.assertTrue(self.case_plain.jmsc_is_sensitive)
        with self.assertRaisesRegex(UserError, self.case_plain.number):
            self.case_plain.with_user(self.user_supervisor).write({"stage_id": self.stage_done.id})

    # Sensitive visibility through every read path

    def test_sensitive_case_hidden_from_search_count_read_group_and_export(self):
        domain = [("id", "in", (self.case_tppo | self.case_plain).ids)]
        export = self.env.ref("base.group_allow_export")
        for user, expected in (
            (self.user_agent2, 1),
            (self.user_jmsc, 0 + 1),  # the plain case is of Indramayu, the user's regency
            (self.user_provincial, 1),
            (self.user_agent, 2),
            (self.user_case_manager, 2),
            (self.user_supervisor, 2),
        ):
            Ticket = self.env["helpdesk.ticket"].with_user(user)
            user.groups_id |= export
            self.assertEqual(Ticket.search_count(domain), expected, user.login)
            groups = Ticket.read_group(domain, ["category_id"], ["category_id"])
            self.assertEqual(sum(g["category_id_count"] for g in groups), expected, user.login)
            sensitive = Ticket.read_group(domain + [("jmsc_is_sensitive", "=", True)], [], [])
            self.assertEqual(sensitive[0]["__count"], expected - 1, user.login)
            rows = Ticket.search(domain).export_data(["number", "name"])["datas"]
            self.assertEqual(len(rows), expected, user.login)
            self.assertEqual(self.case_tppo.number in [row[0] for row in rows], expected == 2, user.login)

    # Migrants (contract 1)

    def test_agent_reads_the_migrants_of_the_cases_assigned_to_them_only(self):
        Partner = self.env["res.partner"].with_user(self.user_agent)
        visible = Partner.search([("is_migrant", "=", True)])
        self.assertIn(self.migrant_cirebon, visible, "migrant of the agent's own case")
        self.assertNotIn(self.migrant_other, visible)
        self.assertNotIn(self.migrant_indramayu, visible, "migrant of another agent's case")
        with self.assertRaises(AccessError):
            self.migrant_other.with_user(self.user_agent).read(["name"])
        with self.assertRaises(AccessError, msg="agents read no NIK"):
            self.migrant_cirebon.with_user(self.user_agent).read(["nik"])
        self.assertEqual(self.migrant_cirebon.with_user(self.user_agent).read(["name"])[0]["name"], "Budi Test Santoso")

    def test_agent_finds_a_caller_of_any_regency_by_exact_identifier(self):
        Partner = self.env["res.partner"].with_user(self.user_agent)
        card = Partner._jmsc_migrant_card_by_identifier("3213014506955003")
        self.assertEqual(
            card,
            {"match": True, "partner_id": self.migrant_other.id, "initials": "E. T. K.", "regency": card["regency"]},
        )
        self.assertEqual(card["regency"], "Kab. Subang")
        self.assertFalse(Partner._jmsc_migrant_card_by_identifier("3213014506955999")["match"])
        self.assertFalse(Partner._jmsc_find_migrants("Euis Test"), "names are searched among readable migrants only")
        self.assertEqual(Partner._jmsc_find_migrants("3213014506955003"), self.migrant_other)
        portal = self.env["res.partner"].with_user(self.user_portal)
        with self.assertRaises(AccessError):
            portal._jmsc_migrant_card_by_identifier("3213014506955003")

    def test_case_manager_reads_migrants_with_a_case_and_their_nik(self):
        Partner = self.env["res.partner"].with_user(self.user_case_manager)
        visible = Partner.search([("is_migrant", "=", True)])
        self.assertIn(self.migrant_cirebon, visible)
        self.assertIn(self.migrant_indramayu, visible)
        self.assertNotIn(self.migrant_other, visible, "no case, no reason")
        self.assertEqual(self.migrant_cirebon.with_user(self.user_case_manager).nik, "3209011203905002")

    def test_case_count_on_the_migrant_form_counts_what_the_user_may_see(self):
        self.assertEqual(self.migrant_cirebon.with_user(self.user_agent).jmsc_case_count, 1)
        self.assertEqual(self.migrant_cirebon.with_user(self.user_case_manager).jmsc_case_count, 1)
        self.assertEqual(self.migrant_cirebon.with_user(self.user_provincial).jmsc_case_count, 0, "sensitive")
        view = self.env.ref("jmsc_helpdesk.res_partner_view_form_migrant")
        self.assertIn("group_jmsc_helpdesk_agent", view.arch_db)

    def test_landing_pages(self):
        for group, action in (
            ("group_jmsc_helpdesk_agent", "helpdesk_ticket_action_jmsc_queue"),
            ("group_jmsc_helpdesk_case_manager", "helpdesk_ticket_action_jmsc_my_cases"),
            ("group_jmsc_helpdesk_supervisor", "helpdesk_ticket_action_jmsc_team_overview"),
        ):
            group = self.env.ref(f"jmsc_helpdesk.{group}")
            self.assertEqual(group.jmsc_home_action_id.id, self.env.ref(f"jmsc_helpdesk.{action}").id, group.name)
        prio = {
            g: self.env.ref(f"jmsc_helpdesk.{g}").jmsc_home_priority
            for g in ("group_jmsc_helpdesk_agent", "group_jmsc_helpdesk_case_manager", "group_jmsc_helpdesk_supervisor")
        }
        self.assertLess(prio["group_jmsc_helpdesk_supervisor"], prio["group_jmsc_helpdesk_case_manager"])
        self.assertLess(prio["group_jmsc_helpdesk_case_manager"], prio["group_jmsc_helpdesk_agent"])
        # The agent's queue works for the agent and shows their cases and the moderation queue.
        action = self.env.ref("jmsc_helpdesk.helpdesk_ticket_action_jmsc_queue").sudo()
        self.assertIn("jmsc_moderation", action.domain)

    def test_agent_without_email_works_and_closes_a_case(self):
        """Contract 7: no "Please configure the sender's email address" for a user without one."""
        self.user_agent2.partner_id.email = False
        case = self.case_plain.with_user(self.user_agent2)
        case.write({"jmsc_public_update": "Employer contacted."})
        case.write({"stage_id": self.stage_progress.id})
        case.message_post(body="Called the family back.", message_type="comment", subtype_xmlid="mail.mt_note")
        case.write({"stage_id": self.stage_done.id})
        self.assertTrue(self.case_plain.closed)

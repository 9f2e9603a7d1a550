import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.helpdesk_ticket_public import jmsc_new_tracking_code, jmsc_normalise_tracking_code
from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestModeration(JmscHelpdeskCommon):
    """Web complaints wait for an agent; their SLA clock starts only when accepted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category_wages.write({"show_in_portal": True, "jmsc_code": "test_wages"})
        cls.public = cls.env.ref("base.public_user")
        cls.moderation = cls.env.ref("jmsc_helpdesk.stage_moderation")
        # Contract 7: the agent has no email address.
        cls.user_agent.partner_id.email = False

    def _complaint(self, **overrides):
        values = {
            "name": "Ibu Test Tarsih",
            "contact": "0812 9999 0000",
            "migrant_name": "Wati Test Rahayu",
            "category_id": str(self.category_wages.id),
            "description": "My daughter has not been paid for four months.",
        }
        values.update(overrides)
        code = self.env["helpdesk.ticket"].with_user(self.public)._jmsc_create_public_complaint(values)
        return self.env["helpdesk.ticket"].search([("jmsc_tracking_code", "=", code)])

    def test_web_complaint_waits_in_moderation_without_sla(self):
        case = self._complaint()
        self.assertEqual(case.stage_id, self.moderation)
        self.assertFalse(case.jmsc_sla_start)
        self.assertFalse(case.jmsc_response_deadline or case.jmsc_resolution_deadline)
        self.assertEqual(case.team_id, self.team)
        self.env["helpdesk.ticket"]._cron_jmsc_sla_check()
        self.assertEqual(case.jmsc_sla_state, "on_track")
        self.assertFalse(case.jmsc_escalation_ids)

    def test_agent_accepts_and_the_sla_clock_starts(self):
        with freeze_time("2026-09-01 03:00:00"):  # Tuesday 10:00 WIB
            case = self._complaint()
        with freeze_time("2026-09-03 03:00:00"):  # two days later
            case.with_user(self.user_agent).action_jmsc_accept_complaint()
        self.assertEqual(case.stage_id, self.stage_new)
        self.assertEqual(str(case.jmsc_sla_start), "2026-09-03 03:00:00", "the clock starts on acceptance")
        self.assertTrue(case.jmsc_resolution_deadline > case.jmsc_sla_start)
        self.assertEqual(case.user_id, self.user_agent)
        self.assertEqual(case.jmsc_sla_state, "on_track", "the days in moderation do not count")
        self.assertTrue(case.message_ids.filtered(lambda m: "accepted" in (m.body or "")))
        with self.assertRaisesRegex(UserError, case.number):
            case.with_user(self.user_agent).action_jmsc_accept_complaint()

    def test_agent_rejects_spam_closed_without_sla_nor_mail(self):
        case = self._complaint(contact="spam@example.com")
        mails_before = self.env["mail.mail"].search_count([])
        case.with_user(self.user_agent).action_jmsc_reject_complaint()
        self.assertEqual(case.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected"))
        self.assertTrue(case.closed)
        self.assertFalse(case.jmsc_sla_start or case.jmsc_resolution_deadline)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before, "the spammer gets no email")

    def test_sensitive_web_complaint_is_moderated_by_case_managers(self):
        self.category_tppo.write({"show_in_portal": True, "jmsc_code": "test_tppo"})
        case = self._complaint(category_id=str(self.category_tppo.id))
        self.assertTrue(case.jmsc_is_sensitive)
        self.assertFalse(
            self.env["helpdesk.ticket"].with_user(self.user_agent).search([("id", "=", case.id)]),
            "an unassigned sensitive complaint is hidden from agents",
        )
        case.with_user(self.user_case_manager).action_jmsc_reject_complaint()
        self.assertTrue(case.closed, "the rejection is the case manager's decision for the close gate")

    def test_moderation_stage_changes_only_through_the_buttons(self):
        case = self._complaint()
        with self.assertRaisesRegex(UserError, case.number):
            case.with_user(self.user_agent).write({"stage_id": self.stage_progress.id})
        plain = self._case()
        with self.assertRaisesRegex(UserError, plain.number):
            plain.with_user(self.user_agent).write({"stage_id": self.moderation.id})
        for user in (self.user_jmsc, self.user_provincial):
            with self.assertRaises(AccessError, msg=user.login):
                case.with_user(user).action_jmsc_accept_complaint()
        self.assertEqual(case.stage_id, self.moderation)

    def test_complaint_upload_quota(self):
        pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
        Ticket = self.env["helpdesk.ticket"].with_user(self.public)
        with self.assertRaisesRegex(ValidationError, "at most 3 files"):
            Ticket._jmsc_check_complaint_uploads([(f"f{i}.pdf", pdf) for i in range(4)])
        big = pdf + b"0" * (4 * 1024 * 1024)
        with self.assertRaisesRegex(ValidationError, "together are larger than 10 MB"):
            Ticket._jmsc_check_complaint_uploads([(f"f{i}.pdf", big) for i in range(3)])
        with self.assertRaisesRegex(ValidationError, "must be a PDF"):
            Ticket._jmsc_check_complaint_uploads([("run.sh", b"#!/bin/sh\nrm -rf /\n")])
        vals = Ticket._jmsc_check_complaint_uploads([("../../etc/a.pdf", pdf), ("b.pdf", pdf)])
        self.assertEqual([v["name"] for v in vals], ["a.pdf", "b.pdf"], "no path from the client's file name")

    def test_tracking_code_is_readable_and_lookups_normalise(self):
        codes = {jmsc_new_tracking_code() for _i in range(200)}
        self.assertEqual(len(codes), 200)
        for code in codes:
            self.assertRegex(code, r"^JMSC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$")
            self.assertFalse(set(code[5:]) & set("IL1O0U"))
        self.assertEqual(jmsc_normalise_tracking_code(" jmsc 7k3q-9wxm 4tpa "), "JMSC-7K3Q-9WXM-4TPA")
        self.assertEqual(jmsc_normalise_tracking_code("7K3Q9WXM4TPA"), "JMSC-7K3Q-9WXM-4TPA")
        for bad in (None, "", "JMSC-7K3Q-9WXM", "JMSC-7K3Q-9WXM-4TP0", "x" * 100, 42):
            self.assertIsNone(jmsc_normalise_tracking_code(bad), bad)
        case = self._complaint()
        self.assertTrue(re.match(r"^JMSC-\w{4}-\w{4}-\w{4}$", case.jmsc_tracking_code))
        Ticket = self.env["helpdesk.ticket"].with_user(self.public)
        typed = case.jmsc_tracking_code.lower().replace("-", " ")
        status = Ticket._jmsc_public_status(typed)
        self.assertEqual(status["code"], case.jmsc_tracking_code)
        self.assertEqual(status["stage"], "Received, waiting to be checked by an officer")
        self.assertEqual(set(status), {"code", "stage", "update", "date"}, "nothing personal")
        self.assertIsNone(Ticket._jmsc_public_status("JMSC-2222-2222-2222"))

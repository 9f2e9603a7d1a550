from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import JmscHelpdeskCommon

# Every time below is UTC; the calendar works 08-12 and 13-17 Asia/Jakarta (UTC+7), Monday to Friday.
THU_15_WIB = datetime(2026, 8, 13, 8, 0)


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestSla(JmscHelpdeskCommon):
    def test_deadlines_across_night_weekend_and_holiday(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        self.assertEqual(case.team_id, self.team, "the case type's default team is applied")
        self.assertEqual(case.priority, "1", "the case type's default priority is applied")
        # 4 h: Thu 15-17, then Fri 08-10 (the night is skipped).
        self.assertEqual(case.jmsc_response_deadline, datetime(2026, 8, 14, 3, 0))
        # 16 h: Thu 2 h, Fri 8 h, weekend and Monday 17 August (holiday) skipped, Tue 08-12 and 13-15.
        self.assertEqual(case.jmsc_resolution_deadline, datetime(2026, 8, 18, 8, 0))

    def test_priority_specific_sla(self):
        case = self._case(jmsc_sla_start=THU_15_WIB, priority="3")
        # Priority 3 line: 1 h response, 8 h resolution.
        self.assertEqual(case.jmsc_response_deadline, datetime(2026, 8, 13, 9, 0))
        self.assertEqual(case.jmsc_resolution_deadline, datetime(2026, 8, 14, 8, 0))

    def test_pause_in_waiting_stage_pushes_deadline(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        with freeze_time("2026-08-13 09:00:00"):  # Thu 16:00 WIB: the agent answers
            case.stage_id = self.stage_progress
        self.assertEqual(case.jmsc_first_response_date, datetime(2026, 8, 13, 9, 0))
        with freeze_time("2026-08-14 03:00:00"):  # Fri 10:00 WIB: waiting for the caller
            case.stage_id = self.stage_waiting
        self.assertEqual(case.jmsc_sla_paused_since, datetime(2026, 8, 14, 3, 0))
        with freeze_time("2026-08-14 07:00:00"):  # Fri 14:00 WIB: the caller is back
            case.stage_id = self.stage_progress
        # Paused 10-12 and 13-14 = 3 working hours (the lunch break does not count).
        self.assertAlmostEqual(case.jmsc_sla_paused_hours, 3.0, places=4)
        self.assertFalse(case.jmsc_sla_paused_since)
        # Tue 15:00 WIB + 3 h: Tue 15-17, Wed 08-09.
        self.assertEqual(case.jmsc_resolution_deadline, datetime(2026, 8, 19, 2, 0))

    def test_states_on_track_at_risk_breached(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        with freeze_time("2026-08-13 09:00:00"):
            case.stage_id = self.stage_progress
        case._jmsc_refresh_sla_state(datetime(2026, 8, 14, 8, 0))  # Fri 15:00 WIB: 8 h of 16 left
        self.assertEqual(case.jmsc_sla_state, "on_track")
        case._jmsc_refresh_sla_state(datetime(2026, 8, 18, 7, 0))  # Tue 14:00 WIB: 1 h left
        self.assertEqual(case.jmsc_sla_state, "at_risk")
        case._jmsc_refresh_sla_state(datetime(2026, 8, 18, 9, 0))  # Tue 16:00 WIB
        self.assertEqual(case.jmsc_sla_state, "breached")
        self.assertTrue(case.jmsc_sla_breached)

    def test_paused_clock_keeps_state(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        with freeze_time("2026-08-13 09:00:00"):
            case.stage_id = self.stage_waiting
        # A week later the clock still shows Thursday 16:00: on track.
        case._jmsc_refresh_sla_state(datetime(2026, 8, 20, 9, 0))
        self.assertEqual(case.jmsc_sla_state, "on_track")

    def test_cron_escalates_breaches_once_per_deadline(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        case.message_subscribe(partner_ids=self.user_supervisor.partner_id.ids)
        with freeze_time("2026-08-19 03:00:00"):  # Wed 10:00 WIB: both deadlines missed
            self.env["helpdesk.ticket"]._cron_jmsc_sla_check()
            self.assertEqual(case.jmsc_sla_state, "breached")
            self.assertEqual(case.priority, "2")
            self.assertEqual(case.jmsc_escalation_ids.kind, "response")
            self.assertEqual(case.jmsc_escalation_ids.notified_user_id, self.user_supervisor)
            activity = case.activity_ids.filtered(lambda a: a.user_id == self.user_supervisor)
            self.assertEqual(len(activity), 1, "the team leader gets a to-do")
            self.assertIn("SLA breached", case.message_ids[0].body)
            self.env["helpdesk.ticket"]._cron_jmsc_sla_check()
            self.assertEqual(case.priority, "3")
            self.assertEqual(set(case.jmsc_escalation_ids.mapped("kind")), {"response", "resolution"})
            self.env["helpdesk.ticket"]._cron_jmsc_sla_check()
            self.assertEqual(len(case.jmsc_escalation_ids), 2, "a breach is escalated once")
            self.assertEqual(case.priority, "3")

    def test_cron_spares_cases_on_track(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        with freeze_time("2026-08-13 10:00:00"):
            self.env["helpdesk.ticket"]._cron_jmsc_sla_check()
        self.assertFalse(case.jmsc_escalation_ids)
        self.assertEqual(case.priority, "1")

    def test_call_counts_as_first_response(self):
        case = self._case(jmsc_sla_start=THU_15_WIB)
        self.env["jmsc.helpdesk.call"].create(
            {"ticket_id": case.id, "direction": "outbound", "caller_number": "0812", "call_date": "2026-08-13 08:30:00"}
        )
        self.assertEqual(case.jmsc_first_response_date, datetime(2026, 8, 13, 8, 30))

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestJourneySla(LtsaCommon):
    def test_journey_across_desks(self):
        self.env["res.partner.id_number"].create(
            {"partner_id": self.migrant.id, "category_id": self.doc_kk.id, "name": "3212010101950001"}
        )
        request = self._request(self.migrant, self.site, [self.service_ak1, self.service_skck], priority="pregnant")
        with freeze_time("2026-12-01 02:00:00"):
            request.with_user(self.officer).action_confirm()
        step_ak1, step_skck = request.step_ids.sorted("sequence")
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.current_step_id, step_ak1)
        self.assertEqual(request.ticket_ids.category_id, self.cat_a, "only the first step is queued")
        self.assertTrue(request.ticket_ids.is_priority)
        self.assertFalse(step_skck.queued_date)
        desk = self.desk_1.with_user(self.officer)
        with freeze_time("2026-12-01 02:10:00"):
            desk.action_call_next()
        self.assertEqual(desk.current_partner_id, self.migrant)
        self.assertEqual(step_ak1.state, "called")
        with freeze_time("2026-12-01 02:12:00"):
            desk.action_start()
        with freeze_time("2026-12-01 02:30:00"):
            desk.action_finish()
        self.assertEqual(step_ak1.state, "done")
        self.assertAlmostEqual(step_ak1.wait_minutes, 12.0)
        self.assertAlmostEqual(step_ak1.service_minutes, 18.0)
        self.assertEqual(step_skck.queued_date, datetime(2026, 12, 1, 2, 30))
        skck_ticket = request.ticket_ids.filtered(lambda t: t.step_id == step_skck)
        self.assertEqual((skck_ticket.category_id, skck_ticket.state), (self.cat_b, "waiting"))
        desk_2 = self.desk_2.with_user(self.officer_2)
        with freeze_time("2026-12-01 02:40:00"):
            self.assertEqual(desk_2.action_call_next(), skck_ticket.name)
            desk_2.action_start()
        step_skck.output_number = "SKCK/T/0001"
        with freeze_time("2026-12-01 03:00:00"):
            desk_2.action_finish()
        self.assertEqual(request.state, "done")
        self.assertAlmostEqual(request.wait_minutes, 12.0 + 10.0)
        self.assertAlmostEqual(request.service_minutes, 18.0 + 20.0)
        self.assertEqual(request.sla_state, "on_track")

    def test_document_gate_and_issued_document(self):
        request = self._request(self.migrant, self.site, [self.service_skck])
        request.action_confirm()
        step = request.step_ids
        self.assertEqual(step.missing_doc_ids, self.doc_kk, "the migrant has a KTP but no KK")
        desk = self.desk_2.with_user(self.officer_2)
        desk.action_call_next()
        self.assertEqual(desk.current_missing_doc_ids, self.doc_kk)
        with self.assertRaisesRegex(UserError, "KK"):
            desk.action_start()
        # Needs Documents asks first (wizard), then closes the ticket (issue #12).
        action = desk.action_needs_documents()
        self.assertEqual(step.state, "called", "nothing happens before the officer confirms")
        wizard = Form(self.env[action["res_model"]].with_user(self.officer_2).with_context(**action["context"]))
        wizard.save().action_confirm()
        self.assertEqual(step.state, "needs_documents")
        self.assertFalse(self.desk_2.current_ticket_id)
        self.assertEqual(request.state, "in_progress", "the journey waits for the documents")
        # An expired KK does not count.
        kk = self.env["res.partner.id_number"].create(
            {
                "partner_id": self.migrant.id,
                "category_id": self.doc_kk.id,
                "name": "3212010101950001",
                "valid_until": office_today(self.env["res.partner"]) - timedelta(days=1),
            }
        )
        step.invalidate_recordset(["missing_doc_ids"])
        self.assertEqual(step.missing_doc_ids, self.doc_kk)
        kk.valid_until = False
        step.invalidate_recordset(["missing_doc_ids"])
        self.assertFalse(step.missing_doc_ids)
        new_ticket = step.with_user(self.officer_2).action_requeue()
        self.assertEqual(step.state, "waiting")
        self.assertEqual(desk.action_call_next(), new_ticket.name)
        desk.action_start()
        with self.assertRaisesRegex(ValidationError, "document number"):
            desk.action_finish()
        self.assertEqual(desk.current_output_doc_type_id, self.doc_skck)
        desk.current_output_number = "SKCK/IDM/2026/0001"
        self.assertEqual(step.output_number, "SKCK/IDM/2026/0001", "typed on the desk screen, stored on the step")
        desk.action_finish()
        skck = self.migrant.id_numbers.filtered(lambda d: d.category_id == self.doc_skck)
        self.assertEqual(skck.name, "SKCK/IDM/2026/0001")
        self.assertEqual(skck.valid_until, step.site_id._local_today() + timedelta(days=180))
        self.assertEqual(step.issued_document_id, skck)
        self.assertEqual(request.issued_document_ids, skck)
        self.assertEqual(request.state, "done")
        # A second SKCK updates the same document on the profile.
        again = self._request(self.migrant, self.site, [self.service_skck])
        again.action_confirm()
        desk.action_call_next()
        desk.action_start()
        again.step_ids.output_number = "SKCK/IDM/2026/0002"
        desk.action_finish()
        skck_docs = self.migrant.id_numbers.filtered(lambda d: d.category_id == self.doc_skck)
        self.assertEqual(skck_docs, skck)
        self.assertEqual(skck.name, "SKCK/IDM/2026/0002")

    def test_sla_in_working_time_across_weekend_and_holiday(self):
        # Monday 7 December 2026 is a public holiday of this calendar.
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 12, 6, 17, 0),
                "date_to": datetime(2026, 12, 7, 16, 59, 59),
            }
        )
        request = self._request(self.migrant, self.site, [self.service_skck])
        # Friday 4 December, 15:00 WIB (08:00 UTC): one working hour left that day.
        with freeze_time("2026-12-04 08:00:00"):
            request.action_confirm()
        step = request.step_ids
        # 120 working minutes: Friday 15-16, then Tuesday 08-09 WIB (weekend and holiday skipped).
        self.assertEqual(step.deadline, datetime(2026, 12, 8, 2, 0))
        # Two working days: Friday and Tuesday, closing at 16:00 WIB.
        self.assertEqual(request.deadline, datetime(2026, 12, 8, 9, 0))
        Site = self.env["jmsc.ltsa.site"]
        with freeze_time("2026-12-07 03:00:00"):
            Site._cron_check_sla()
        self.assertEqual(step.sla_state, "on_track", "the holiday does not eat the SLA")
        with freeze_time("2026-12-08 01:45:00"):
            Site._cron_check_sla()
        self.assertEqual(step.sla_state, "at_risk", "15 of 120 working minutes left")
        self.assertFalse(request.activity_ids)
        with freeze_time("2026-12-08 02:30:00"):
            Site._cron_check_sla()
        self.assertEqual(step.sla_state, "breached")
        self.assertTrue(step.sla_notified)
        self.assertEqual(step.sla_met, 0.0)
        activity = request.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor, "the site supervisor is notified")
        self.assertEqual(activity.activity_type_id, self.env.ref("jmsc_ltsa.mail_activity_type_sla_breach"))
        self.assertEqual(request.sla_state, "on_track", "the request deadline is later that day")
        with freeze_time("2026-12-08 10:00:00"):
            Site._cron_check_sla()
        self.assertEqual(request.sla_state, "breached")
        self.assertEqual(len(request.activity_ids), 2, "one activity for the step, one for the request")
        with freeze_time("2026-12-08 11:00:00"):
            Site._cron_check_sla()
        self.assertEqual(len(request.activity_ids), 2, "a breach is notified once")

    def test_finished_in_time_stays_on_track(self):
        self.env["res.partner.id_number"].create(
            {"partner_id": self.migrant.id, "category_id": self.doc_kk.id, "name": "3212010101950001"}
        )
        request = self._request(self.migrant, self.site, [self.service_ak1])
        # Friday 15:30 WIB: the 60 minutes run into Monday morning.
        with freeze_time("2026-12-04 08:30:00"):
            request.action_confirm()
            self.assertEqual(request.step_ids.deadline, datetime(2026, 12, 7, 1, 30))
            desk = self.desk_1.with_user(self.officer)
            desk.action_call_next()
            desk.action_start()
        with freeze_time("2026-12-04 08:50:00"):
            desk.action_finish()
        with freeze_time("2026-12-09 08:00:00"):
            self.env["jmsc.ltsa.site"]._cron_check_sla()
        self.assertEqual(request.step_ids.sla_state, "on_track")
        self.assertEqual(request.step_ids.sla_met, 100.0)

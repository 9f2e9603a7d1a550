import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestSchedule(TrainingCommon):
    def test_generate_sessions_from_weekly_pattern(self):
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        batch = self.create_batch(start=monday, days=13)
        batch.write(
            {
                "pattern_mon": True,
                "pattern_tue": False,
                "pattern_wed": True,
                "pattern_thu": False,
                "pattern_fri": True,
                "pattern_hour_start": 13.0,
                "pattern_hour_end": 16.5,
            }
        )
        sessions = batch.action_generate_sessions()
        self.assertEqual(len(sessions), 6)
        self.assertEqual({d.weekday() for d in sessions.mapped("date")}, {0, 2, 4})
        self.assertEqual(set(sessions.mapped("room_id")), {self.room_a})
        self.assertEqual(batch.session_count, 6)
        # Asia/Jakarta is UTC+7: 13:00 local is 06:00 UTC.
        self.assertEqual(sessions[0].datetime_start, datetime.datetime.combine(monday, datetime.time(6, 0)))
        self.assertEqual(sessions[0].datetime_end, datetime.datetime.combine(monday, datetime.time(9, 30)))
        self.assertFalse(batch.action_generate_sessions(), "Generating again adds nothing.")
        # The schedule stays editable.
        sessions[0].write({"hour_start": 14.0, "topic": "Greetings"})
        self.assertEqual(sessions[0].topic, "Greetings")

    def test_generate_sessions_needs_a_weekday(self):
        batch = self.create_batch(
            pattern_mon=False, pattern_tue=False, pattern_wed=False, pattern_thu=False, pattern_fri=False
        )
        with self.assertRaisesText(UserError, "tick at least one weekday"):
            batch.action_generate_sessions()

    def test_batch_end_before_start(self):
        with self.assertRaisesText(ValidationError, "end date .* is before the start date"):
            self.create_batch(days=-1)

    def test_session_end_before_start(self):
        batch = self.create_batch()
        with self.assertRaisesText(ValidationError, "end hour is not after the start hour"):
            self.add_session(batch, hour_start=10.0, hour_end=9.0)

    def test_session_outside_batch(self):
        batch = self.create_batch()
        with self.assertRaisesText(ValidationError, "outside the batch dates"):
            self.add_session(batch, day=batch.date_end + datetime.timedelta(days=1))
        self.add_session(batch, day=batch.date_end)
        with self.assertRaisesText(ValidationError, "outside the batch dates"):
            batch.date_end -= datetime.timedelta(days=1)

    def test_room_double_booked(self):
        first = self.create_batch()
        self.add_session(first, hour_start=8.0, hour_end=12.0)
        second = self.create_batch(programme=self.caregiving, trainers=self.trainer2)
        with self.assertRaisesText(ValidationError, "Room .*Room A is double-booked"):
            self.add_session(second, hour_start=11.0, hour_end=14.0)
        # Back to back is fine, and so is another room.
        self.add_session(second, hour_start=12.0, hour_end=14.0)
        self.add_session(second, hour_start=8.0, hour_end=10.0, room_id=self.room_b.id)

    def test_trainer_double_booked(self):
        first = self.create_batch()
        self.add_session(first)
        lpk_batch = self.create_batch(room=self.room_lpk, programme=self.caregiving, trainers=self.trainer2)
        self.add_session(lpk_batch, hour_start=9.0, hour_end=10.0)
        with self.assertRaisesText(ValidationError, "Trainer Trainer One is double-booked"):
            lpk_batch.trainer_ids = self.trainer | self.trainer2

    def test_cancelled_batch_frees_the_room(self):
        first = self.create_batch()
        self.add_session(first)
        first.action_cancel()
        second = self.create_batch(programme=self.caregiving, trainers=self.trainer2)
        self.add_session(second)
        with self.assertRaisesText(ValidationError, "double-booked"):
            first.action_draft()
            first.action_open()
            first.room_id = self.room_a

    def test_trainer_may_teach_programme(self):
        self.trainer2.programme_ids = self.caregiving
        with self.assertRaisesText(ValidationError, "trainer Trainer Two may not teach"):
            self.create_batch(trainers=self.trainer2)

    def test_room_of_another_centre(self):
        with self.assertRaisesText(ValidationError, "does not belong to centre"):
            self.create_batch(room=self.room_lpk, centre_id=self.blk.id)

    def test_state_flow(self):
        batch = self.create_batch(state="draft")
        self.assertEqual(batch.state, "draft")
        with self.assertRaisesText(UserError, "cannot start it"):
            batch.action_start()
        batch.action_open()
        with self.assertRaisesText(UserError, "has no sessions"):
            batch.action_start()
        self.add_session(batch)
        applicant = self.enrol(batch, self.create_migrant("Eka"))
        batch.action_start()
        self.assertEqual(batch.state, "running")
        self.assertEqual(applicant.state, "enrolled", "Starting enrols the applicants.")
        batch.action_done()
        self.assertEqual(batch.state, "done")
        self.assertEqual(applicant.state, "failed", "No score and no attendance: failed.")

    def test_batch_form_room_sets_capacity(self):
        form = Form(self.env["jmsc.training.batch"])
        form.programme_id = self.japanese
        form.centre_id = self.blk
        form.room_id = self.room_b
        form.date_start = self.today
        form.date_end = self.today
        self.assertEqual(form.capacity, 40)
        batch = form.save()
        self.assertTrue(batch.name.startswith("BATCH/"))

    @mute_logger("odoo.sql_db")
    def test_unique_attendance_line(self):
        batch = self.create_batch()
        session = self.add_session(batch)
        enrolment = self.enrol(batch, self.create_migrant("Fajar"))
        enrolment.action_enrol()
        batch.action_start()
        session._prepare_attendance()
        with self.assertRaises(IntegrityError):
            self.env["jmsc.training.attendance"].create({"session_id": session.id, "enrolment_id": enrolment.id})
            self.env.flush_all()

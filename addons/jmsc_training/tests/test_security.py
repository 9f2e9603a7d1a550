import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestSecurity(TrainingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch_mine = cls.create_batch()
        cls.session_mine = cls.add_session(cls.batch_mine)
        cls.batch_other = cls.create_batch(room=cls.room_lpk, trainers=cls.trainer2, programme=cls.caregiving)
        cls.session_other = cls.add_session(cls.batch_other)
        cls.migrant_indramayu = cls.create_migrant("Joko")
        cls.migrant_cirebon = cls.create_migrant("Kartini", regency=cls.cirebon, female=True)
        cls.enrolment_mine = cls.enrol(cls.batch_mine, cls.migrant_indramayu)
        cls.enrolment_other = cls.enrol(cls.batch_other, cls.migrant_cirebon)
        (cls.enrolment_mine | cls.enrolment_other).action_enrol()
        (cls.batch_mine | cls.batch_other).action_start()
        cls.lines_mine = cls.session_mine._prepare_attendance()
        cls.lines_other = cls.session_other._prepare_attendance()
        cls.outsider = cls.create_migrant("Lestari", female=True)

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_trainer_sees_only_own_batches(self):
        batches = self.batch_mine | self.batch_other
        self.assertEqual(self._visible(self.user_trainer, batches), self.batch_mine)
        self.assertEqual(self._visible(self.user_trainer, self.session_mine | self.session_other), self.session_mine)
        self.assertEqual(
            self._visible(self.user_trainer, self.enrolment_mine | self.enrolment_other), self.enrolment_mine
        )
        self.assertEqual(self._visible(self.user_trainer, self.lines_mine | self.lines_other), self.lines_mine)
        # Trainees of their batches only, not the other migrants.
        migrants = self.migrant_indramayu | self.migrant_cirebon | self.outsider
        self.assertEqual(self._visible(self.user_trainer, migrants), self.migrant_indramayu)
        self.assertEqual(self._visible(self.user_trainer2, migrants), self.migrant_cirebon)

    def test_trainer_takes_attendance_of_own_session_only(self):
        action = self.session_mine.with_user(self.user_trainer).action_open_attendance_sheet()
        self.assertEqual(action["res_id"], self.session_mine.id)
        self.lines_mine.with_user(self.user_trainer).action_mark_absent()
        self.assertEqual(self.enrolment_mine.attendance_rate, 0.0)
        with self.assertRaises(AccessError):
            self.lines_other.with_user(self.user_trainer).action_mark_absent()
        with self.assertRaises(AccessError):
            self.session_other.with_user(self.user_trainer).action_open_attendance_sheet()
        with self.assertRaises(AccessError):
            self.env["jmsc.training.batch"].with_user(self.user_trainer).create(
                {
                    "programme_id": self.japanese.id,
                    "centre_id": self.blk.id,
                    "date_start": self.today,
                    "date_end": self.today,
                }
            )
        with self.assertRaises(AccessError):
            self.japanese.with_user(self.user_trainer).write({"pass_mark": 10.0})

    def test_centre_staff_only_their_centre(self):
        batches = self.batch_mine | self.batch_other
        self.assertEqual(self._visible(self.user_staff, batches), self.batch_mine)
        self.assertEqual(self._visible(self.user_staff_lpk, batches), self.batch_other)
        self.assertEqual(
            self._visible(self.user_staff, self.enrolment_mine | self.enrolment_other), self.enrolment_mine
        )
        migrants = self.migrant_indramayu | self.migrant_cirebon | self.outsider
        self.assertEqual(self._visible(self.user_staff, migrants), self.migrant_indramayu)
        self.assertEqual(self._visible(self.user_staff_lpk, migrants), self.migrant_cirebon)
        self.assertEqual(self._visible(self.user_manager, migrants), migrants)
        batch = (
            self.env["jmsc.training.batch"]
            .with_user(self.user_staff)
            .create(
                {
                    "programme_id": self.japanese.id,
                    "centre_id": self.blk.id,
                    "room_id": self.room_b.id,
                    "date_start": self.today + datetime.timedelta(days=30),
                    "date_end": self.today + datetime.timedelta(days=40),
                }
            )
        )
        batch.action_open()
        self.assertEqual(batch.state, "open")
        with self.assertRaises(AccessError):
            self.env["jmsc.training.batch"].with_user(self.user_staff).create(
                {
                    "programme_id": self.japanese.id,
                    "centre_id": self.lpk.id,
                    "date_start": self.today,
                    "date_end": self.today,
                }
            )
        with self.assertRaises(AccessError):
            self.batch_other.with_user(self.user_staff).write({"capacity": 5})
        with self.assertRaises(AccessError):
            self.room_lpk.with_user(self.user_staff).write({"capacity": 5})
        self.room_b.with_user(self.user_staff).write({"capacity": 35})
        self.assertEqual(self.room_b.capacity, 35)

    def test_regency_officer_enrols_migrants_of_their_regencies(self):
        open_batch = self.create_batch(
            programme=self.caregiving, room=self.room_b, trainers=self.trainer2, start=self.batch_mine.date_end
        )
        Enrolment = self.env["jmsc.training.enrolment"].with_user(self.user_regency)
        enrolment = Enrolment.create({"partner_id": self.outsider.id, "batch_id": open_batch.id})
        self.assertEqual(enrolment.state, "applied")
        enrolment.action_enrol()
        self.assertEqual(enrolment.state, "enrolled")
        self.assertEqual(
            self._visible(self.user_regency, self.enrolment_mine | self.enrolment_other), self.enrolment_mine
        )
        cirebon = self.create_migrant("Mira", regency=self.cirebon, female=True)
        with self.assertRaises(AccessError):
            Enrolment.create({"partner_id": cirebon.id, "batch_id": open_batch.id})
        with self.assertRaises(AccessError):
            self.batch_mine.with_user(self.user_regency).write({"capacity": 10})

    def test_jmsc_user_reads_only(self):
        self.assertEqual(self._visible(self.user_jmsc, self.enrolment_mine | self.enrolment_other), self.enrolment_mine)
        batches = self.batch_mine | self.batch_other
        self.assertEqual(self._visible(self.user_jmsc, batches), batches, "Batches are no personal data.")
        with self.assertRaises(AccessError):
            self.batch_mine.with_user(self.user_jmsc).write({"capacity": 10})
        with self.assertRaises(AccessError):
            self.enrolment_mine.with_user(self.user_jmsc).action_drop()

    def test_manager_sees_all(self):
        batches = self.batch_mine | self.batch_other
        self.assertEqual(self._visible(self.user_manager, batches), batches)
        self.assertEqual(
            self._visible(self.user_manager, self.enrolment_mine | self.enrolment_other),
            self.enrolment_mine | self.enrolment_other,
        )
        programme = (
            self.env["jmsc.training.programme"]
            .with_user(self.user_manager)
            .create(
                {
                    "code": "TMGR",
                    "name": "Manager Programme",
                    "component_ids": [Command.create({"name": "Exam", "weight": 100.0})],
                }
            )
        )
        self.assertEqual(programme.component_ids.weight, 100.0)
        self.lines_other.with_user(self.user_manager).action_mark_late()
        self.assertEqual(self.lines_other.status, "late")

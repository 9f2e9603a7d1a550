import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestAssessment(TrainingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.create_batch(days=4)
        cls.sessions = cls.env["jmsc.training.session"]
        for offset in range(5):
            cls.sessions |= cls.add_session(cls.batch, day=cls.batch.date_start + datetime.timedelta(days=offset))
        cls.trainees = cls.create_migrant("Gita", female=True) | cls.create_migrant("Hadi")
        cls.enrolments = cls.enrol(cls.batch, cls.trainees)
        cls.enrolments.action_enrol()
        cls.batch.action_start()
        cls.gita, cls.hadi = cls.enrolments

    def _mark(self, enrolment, statuses):
        for session, status in zip(self.sessions, statuses, strict=False):
            session._prepare_attendance()
            line = session.attendance_ids.filtered(lambda a: a.enrolment_id == enrolment)
            line.status = status

    def _score(self, enrolment, written, speaking):
        enrolment.score_ids = [
            Command.create({"component_id": self.written.id, "score": written}),
            Command.create({"component_id": self.speaking.id, "score": speaking}),
        ]

    def test_attendance_rate(self):
        self._mark(self.gita, ["present", "late", "absent", "excused", "present"])
        # 3 attended of 4 counted sessions (the excused one is left out).
        self.assertAlmostEqual(self.gita.attendance_rate, 75.0)
        self.assertAlmostEqual(self.hadi.attendance_rate, 100.0, msg="Everyone is present by default.")
        self.sessions[0].attendance_ids.filtered(lambda a: a.enrolment_id == self.hadi).action_mark_absent()
        self.assertAlmostEqual(self.hadi.attendance_rate, 80.0)
        self.assertEqual(self.sessions[0].present_count, 1)
        self.assertEqual(self.sessions[0].absent_count, 1)
        self.sessions[0].action_mark_all_present()
        self.assertAlmostEqual(self.hadi.attendance_rate, 100.0)

    def test_weighted_score(self):
        self._score(self.gita, 50.0, 80.0)
        self.assertAlmostEqual(self.gita.score, 68.0)

    def test_pass_requires_score_and_attendance(self):
        self._mark(self.gita, ["present"] * 5)
        self._mark(self.hadi, ["present", "absent", "absent", "present", "present"])
        self._score(self.gita, 70.0, 80.0)
        self._score(self.hadi, 90.0, 90.0)
        self.assertFalse(self.gita.failure_reasons)
        # Numbers are formatted in the reader's language (60.0 in English, 60,0 in Indonesian).
        self.assertRegex(self.hadi.failure_reasons, r"Attendance 60[.,]0% is below the minimum of 80[.,]0%")
        self.enrolments.action_evaluate()
        self.assertEqual(self.gita.state, "completed")
        self.assertEqual(self.gita.date_completed, office_today(self.gita))
        self.assertTrue(self.gita.certificate_number)
        self.assertEqual(self.hadi.state, "failed")
        self.assertFalse(self.hadi.certificate_number)

    def test_fail_reasons_for_score(self):
        self._mark(self.gita, ["present"] * 5)
        self.gita.score_ids = [Command.create({"component_id": self.written.id, "score": 100.0})]
        reasons = self.gita.failure_reasons
        self.assertIn("No score yet for: Speaking.", reasons)
        self.assertRegex(reasons, r"Score 40[.,]0 is below the pass mark of 70[.,]0\.")
        self.gita.action_evaluate()
        self.assertEqual(self.gita.state, "failed")
        self.gita.action_reopen()
        self.gita.score_ids = [Command.create({"component_id": self.speaking.id, "score": 100.0})]
        self.gita.action_evaluate()
        self.assertEqual(self.gita.state, "completed")

    def test_score_must_match_programme(self):
        other = self.env["jmsc.training.programme"].create(
            {"code": "TOTH", "name": "Other", "component_ids": [Command.create({"name": "Exam", "weight": 100.0})]}
        )
        with self.assertRaisesText(ValidationError, "Exam is not an assessment of"):
            self.gita.score_ids = [Command.create({"component_id": other.component_ids.id, "score": 50.0})]

    def test_component_weights_add_up(self):
        with self.assertRaisesText(ValidationError, "weights add up to 90"):
            self.japanese.component_ids = [Command.update(self.written.id, {"weight": 30.0})]

    def test_certificate_numbers_per_centre_and_year(self):
        for enrolment in self.enrolments:
            self._mark(enrolment, ["present"] * 5)
            self._score(enrolment, 90.0, 90.0)
        self.batch.action_done()
        year = self.gita.date_completed.year
        numbers = self.enrolments.mapped("certificate_number")
        self.assertEqual(numbers, [f"JMSC/TRN/BLKT/{year}/00001", f"JMSC/TRN/BLKT/{year}/00002"])
        self.assertEqual(len(set(self.enrolments.mapped("verification_token"))), 2)
        self.assertIn("/jmsc/training/certificate/", self.gita.verification_url)
        sequence = self.env["ir.sequence"].search([("code", "=", f"jmsc.training.certificate.{self.blk.id}.{year}")])
        self.assertEqual(sequence.implementation, "standard")
        # Another centre starts its own numbering.
        lpk_batch = self.create_batch(room=self.room_lpk, trainers=self.trainer2, days=0)
        self.add_session(lpk_batch)
        trainee = self.enrol(lpk_batch, self.create_migrant("Indah", female=True))
        trainee.action_enrol()
        lpk_batch.action_start()
        lpk_batch.session_ids._prepare_attendance()
        self._score(trainee, 80.0, 80.0)
        trainee.action_evaluate()
        self.assertEqual(trainee.certificate_number, f"JMSC/TRN/LPKT/{year}/00001")
        self.assertEqual(self.gita.partner_id._jmsc_completed_programmes(), self.japanese)

    @mute_logger("odoo.sql_db")
    def test_certificate_number_unique(self):
        self.gita.sudo().certificate_number = "DUP/1"
        with self.assertRaises(IntegrityError):
            self.hadi.sudo().certificate_number = "DUP/1"
            self.env.flush_all()

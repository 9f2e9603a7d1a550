import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestEnrolment(TrainingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.create_batch(capacity=2)
        cls.ani, cls.budi, cls.citra, cls.dewi = (
            cls.create_migrant(name, female=female)
            for name, female in (("Ani", True), ("Budi", False), ("Citra", True), ("Dewi", True))
        )

    def test_capacity_waitlist_and_promotion(self):
        first = self.enrol(self.batch, self.ani | self.budi | self.citra)
        self.assertEqual(set(first.mapped("state")), {"applied"})
        first.action_enrol()
        ani, budi, citra = first
        self.assertEqual((ani.state, budi.state, citra.state), ("enrolled", "enrolled", "waitlisted"))
        self.assertEqual(self.batch.seats_taken, 2)
        self.assertEqual(self.batch.waitlist_count, 1)
        self.assertEqual(self.batch.waitlist_ids, citra)

        dewi = self.enrol(self.batch, self.dewi)
        self.assertEqual(dewi.state, "waitlisted", "A full batch puts a new applicant on the waitlist.")

        budi.action_drop()
        self.assertEqual(budi.state, "dropped")
        self.assertEqual(citra.state, "enrolled", "The first waitlisted trainee is promoted.")
        self.assertEqual(dewi.state, "waitlisted")

        self.batch.capacity = 3
        self.assertEqual(dewi.state, "enrolled", "More seats promote the waitlist too.")

    def test_capacity_below_enrolled(self):
        self.enrol(self.batch, self.ani | self.budi).action_enrol()
        with self.assertRaisesText(ValidationError, "capacity 1 is below the 2 trainees"):
            self.batch.capacity = 1

    def test_enrolment_form_sets_programme(self):
        form = Form(self.env["jmsc.training.enrolment"])
        form.partner_id = self.ani
        form.batch_id = self.batch
        enrolment = form.save()
        self.assertEqual(enrolment.programme_id, self.japanese)
        self.assertEqual(enrolment.centre_id, self.blk)
        self.assertEqual(enrolment.regency_id, self.indramayu)

    def test_no_double_enrolment_same_batch(self):
        self.enrol(self.batch, self.ani)
        with self.assertRaisesText(ValidationError, "already enrolled in batch"):
            self.enrol(self.batch, self.ani)

    def test_dropped_can_apply_again(self):
        enrolment = self.enrol(self.batch, self.ani)
        enrolment.action_drop()
        again = self.enrol(self.batch, self.ani)
        self.assertEqual(again.state, "applied")

    def test_no_overlapping_batches(self):
        self.enrol(self.batch, self.ani)
        overlapping = self.create_batch(programme=self.caregiving, room=self.room_b, trainers=self.trainer2)
        with self.assertRaisesText(ValidationError, "overlaps batch"):
            self.enrol(overlapping, self.ani)
        later = self.create_batch(
            programme=self.caregiving,
            room=self.room_b,
            trainers=self.trainer2,
            start=self.batch.date_end + datetime.timedelta(days=1),
        )
        self.assertEqual(self.enrol(later, self.ani).state, "applied")

    def test_batch_must_be_open(self):
        draft = self.create_batch(room=self.room_b, trainers=self.trainer2, state="draft")
        with self.assertRaisesText(UserError, "not open for enrolment"):
            self.enrol(draft, self.ani)

    def test_only_migrants_enrol(self):
        with self.assertRaisesText(ValidationError, "not registered as a migrant"):
            self.enrol(self.batch, self.blk)

    def test_prerequisite_programme(self):
        advanced = self.env["jmsc.training.programme"].create(
            {"code": "TJPN2", "name": "Japanese Advanced", "prerequisite_programme_id": self.japanese.id}
        )
        advanced_batch = self.create_batch(
            programme=advanced, room=self.room_b, trainers=self.trainer2, start=self.batch.date_end
        )
        with self.assertRaisesText(ValidationError, "must complete .TJPN. Japanese Test before joining"):
            self.enrol(advanced_batch, self.ani)
        done = self.create_batch(start=self.today - datetime.timedelta(days=40), days=5, room=self.room_b)
        enrolment = self.enrol(done, self.ani)
        enrolment.action_enrol()
        enrolment.write({"state": "completed"})
        self.assertEqual(self.ani._jmsc_completed_programmes(), self.japanese)
        self.assertEqual(self.enrol(advanced_batch, self.ani).state, "applied")

    def test_prerequisite_age_and_stage(self):
        self.caregiving.write({"min_age": 18, "max_age": 35, "required_stage": "prospective"})
        batch = self.create_batch(programme=self.caregiving, room=self.room_b, trainers=self.trainer2)
        young = self.create_migrant("Young", born=batch.date_start.replace(year=batch.date_start.year - 17))
        with self.assertRaisesText(ValidationError, "will be 17 when the batch starts"):
            self.enrol(batch, young)
        old = self.create_migrant("Old", born=datetime.date(1970, 1, 1))
        with self.assertRaisesText(ValidationError, "takes ages 18 to 35"):
            self.enrol(batch, old)
        returned = self.create_migrant("Returned", migration_stage="returned")
        with self.assertRaisesText(ValidationError, "is at stage"):
            self.enrol(batch, returned)
        self.assertEqual(self.enrol(batch, self.ani).state, "applied")

    def test_completed_programme_map_in_one_query(self):
        done = self.create_batch(start=self.today - datetime.timedelta(days=40), days=5, room=self.room_b)
        enrolments = self.enrol(done, self.ani | self.budi)
        enrolments.action_enrol()
        enrolments.write({"state": "completed"})
        partners = self.ani | self.budi | self.citra
        partners.invalidate_recordset()
        with self.assertQueryCount(1):
            result = partners._jmsc_completed_programme_map()
        self.assertEqual(result[self.ani.id], self.japanese)
        self.assertEqual(result[self.budi.id], self.japanese)
        self.assertFalse(result[self.citra.id])
        self.assertEqual(self.ani.training_completed_count, 1)
        self.assertEqual(self.ani.training_completed_programme_ids, self.japanese)

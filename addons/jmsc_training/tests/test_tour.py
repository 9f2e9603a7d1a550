import datetime

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        centre = cls.env["res.partner"].create(
            {
                "name": "BLK Tour",
                "is_company": True,
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_training_centre").id,
            }
        )
        cls.user_trainer = new_test_user(
            cls.env,
            login="tour_trainer",
            password="tour_trainer",
            groups="jmsc_training.group_training_trainer",
            name="Tour Trainer",
            lang="en_US",
        )
        trainer = cls.env["jmsc.training.trainer"].create(
            {"partner_id": cls.user_trainer.partner_id.id, "user_id": cls.user_trainer.id}
        )
        programme = cls.env["jmsc.training.programme"].create({"code": "TOUR", "name": "Tour Programme"})
        cls.batch = cls.env["jmsc.training.batch"].create(
            {
                "name": "TOUR-BATCH",
                "programme_id": programme.id,
                "centre_id": centre.id,
                "trainer_ids": [Command.set(trainer.ids)],
                "date_start": today - datetime.timedelta(days=1),
                "date_end": today,
            }
        )
        cls.yesterday, cls.today_session = cls.env["jmsc.training.session"].create(
            [
                {"batch_id": cls.batch.id, "date": today - datetime.timedelta(days=1)},
                {"batch_id": cls.batch.id, "date": today, "hour_start": 0.0, "hour_end": 23.5},
            ]
        )
        cls.batch.action_open()
        migrants = cls.env["res.partner"].create(
            [
                {"name": f"Tour {name}", "is_migrant": True, "nik": nik, "regency_id": cls.env.ref(regency).id}
                for name, nik, regency in (
                    ("Ayu", "3212064506959101", "jmsc_base.regency_3212"),
                    ("Bayu", "3212061203909102", "jmsc_base.regency_3212"),
                    ("Citra", "3209064107929103", "jmsc_base.regency_3209"),
                )
            ]
        )
        cls.enrolments = cls.env["jmsc.training.enrolment"].create(
            [{"partner_id": migrant.id, "batch_id": cls.batch.id} for migrant in migrants]
        )
        cls.batch.action_start()
        cls.yesterday._prepare_attendance()

    def setUp(self):
        super().setUp()
        self.env["jmsc.rate.limit"].sudo().search([]).unlink()  # every test starts under the limit

    def test_trainer_marks_two_absent(self):
        self.start_tour(
            "/odoo/action-jmsc_training.jmsc_training_session_action_today",
            "jmsc_training_attendance_sheet",
            login="tour_trainer",
        )
        ayu, bayu, citra = self.enrolments
        self.assertEqual(self.today_session.absent_count, 2)
        self.assertEqual(self.today_session.topic, "Greetings and introductions")
        self.assertEqual((ayu.attendance_rate, bayu.attendance_rate, citra.attendance_rate), (50.0, 50.0, 100.0))

    def test_public_certificate_verification(self):
        ayu = self.enrolments[0]
        self.today_session._prepare_attendance()
        ayu.action_evaluate()
        self.assertEqual(ayu.state, "completed")
        self.authenticate(None, None)
        response = self.url_open(f"/jmsc/training/certificate/{ayu.verification_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(ayu.certificate_number, response.text)
        self.assertIn("T. A.", response.text, "Only the holder's initials are shown.")
        self.assertNotIn("Tour Ayu", response.text)
        self.assertNotIn(ayu.partner_id.nik, response.text)
        missing = self.url_open("/jmsc/training/certificate/not-a-real-token-at-all")
        self.assertEqual(missing.status_code, 404)
        self.assertIn('class="text-danger"', missing.text, "The page says the certificate is unknown.")


@tagged("post_install", "-at_install")
class TestTrainerNilaiTour(HttpCase):
    """As a trainer without an email address, from the landing page: attendance, Nilai grid, decide, print."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        centre = cls.env["res.partner"].create(
            {
                "name": "LPK Nilai",
                "is_company": True,
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_training_centre").id,
            }
        )
        cls.user_trainer = new_test_user(
            cls.env,
            login="tour_nilai_trainer",
            password="tour_nilai_trainer",
            groups="jmsc_training.group_training_trainer",
            name="Trainer Nilai",
            tz="Asia/Jakarta",
        )
        cls.user_trainer.partner_id.email = False
        trainer = cls.env["jmsc.training.trainer"].create(
            {"partner_id": cls.user_trainer.partner_id.id, "user_id": cls.user_trainer.id}
        )
        programme = cls.env["jmsc.training.programme"].create(
            {
                "code": "NILAI",
                "name": "Nilai Programme",
                "pass_mark": 60.0,
                "min_attendance": 50.0,
                "component_ids": [Command.create({"name": "Praktik", "weight": 100.0})],
            }
        )
        cls.batch = cls.env["jmsc.training.batch"].create(
            {
                "name": "NILAI-BATCH",
                "programme_id": programme.id,
                "centre_id": centre.id,
                "trainer_ids": [Command.set(trainer.ids)],
                "date_start": today - datetime.timedelta(days=1),
                "date_end": today + datetime.timedelta(days=1),
            }
        )
        cls.yesterday, cls.today_session = cls.env["jmsc.training.session"].create(
            [
                {"batch_id": cls.batch.id, "date": today - datetime.timedelta(days=1)},
                {"batch_id": cls.batch.id, "date": today, "hour_start": 0.0, "hour_end": 23.5},
            ]
        )
        cls.batch.action_open()
        migrants = cls.env["res.partner"].create(
            [
                {"name": f"Nilai {name}", "is_migrant": True, "nik": nik, "regency_id": cls.env.ref(regency).id}
                for name, nik, regency in (
                    ("Ayu", "3212064506959201", "jmsc_base.regency_3212"),
                    ("Bayu", "3212061203909202", "jmsc_base.regency_3212"),
                    ("Citra", "3209064107929203", "jmsc_base.regency_3209"),
                )
            ]
        )
        cls.enrolments = cls.env["jmsc.training.enrolment"].create(
            [{"partner_id": migrant.id, "batch_id": cls.batch.id} for migrant in migrants]
        )
        cls.batch.action_start()
        cls.yesterday._prepare_attendance()
        cls.env["ir.actions.report"].flush_model()

    def test_trainer_enters_scores_in_one_grid_and_prints(self):
        self.start_tour(
            "/odoo/action-jmsc_training.jmsc_training_session_action_today_server",
            "jmsc_training_trainer_nilai",
            login="tour_nilai_trainer",
        )
        ayu, bayu, citra = self.enrolments
        # Ayu: absent today (50%) scored 90 -> passes the 50% minimum; Citra scored 40 -> fails.
        self.assertEqual(ayu.attendance_rate, 50.0)
        self.assertEqual((ayu.state, bayu.state, citra.state), ("completed", "completed", "failed"))
        self.assertTrue(bayu.certificate_number)
        notes = citra.message_ids.filtered(lambda m: m.author_id == self.env.ref("base.partner_root"))
        # In the trainer's language (Indonesian), with decimals the Indonesian way: "40,0", not "40.0".
        self.assertIn("40,0", " ".join(notes.mapped("body")))


@tagged("post_install", "-at_install")
class TestForgedCertificate(HttpCase):
    """Regression (issue 11): a trainer's write() cannot make the public page show a forged certificate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        centre = cls.env["res.partner"].create(
            {
                "name": "LPK Forge",
                "is_company": True,
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_training_centre").id,
            }
        )
        cls.user_trainer = new_test_user(
            cls.env, login="forge_trainer", groups="jmsc_training.group_training_trainer", name="Forge Trainer"
        )
        trainer = cls.env["jmsc.training.trainer"].create(
            {"partner_id": cls.user_trainer.partner_id.id, "user_id": cls.user_trainer.id}
        )
        programme = cls.env["jmsc.training.programme"].create({"code": "FORGE", "name": "Forge Programme"})
        batch = cls.env["jmsc.training.batch"].create(
            {
                "name": "FORGE-BATCH",
                "programme_id": programme.id,
                "centre_id": centre.id,
                "trainer_ids": [Command.set(trainer.ids)],
                "date_start": today,
                "date_end": today,
            }
        )
        session = cls.env["jmsc.training.session"].create({"batch_id": batch.id, "date": today})
        batch.action_open()
        migrant = cls.env["res.partner"].create(
            {
                "name": "Forge Ayu",
                "is_migrant": True,
                "nik": "3212064506959301",
                "regency_id": cls.env.ref("jmsc_base.regency_3212").id,
            }  # fmt: skip
        )
        cls.enrolment = cls.env["jmsc.training.enrolment"].create({"partner_id": migrant.id, "batch_id": batch.id})
        batch.action_start()
        session._prepare_attendance()

    def setUp(self):
        super().setUp()
        self.env["jmsc.rate.limit"].sudo().search([]).unlink()  # every test starts under the limit

    def test_forged_certificate_is_not_shown(self):
        forged = "forged-token-0123456789abcdef"
        enrolment = self.enrolment.with_user(self.user_trainer)
        for vals in (
            {"state": "completed", "certificate_number": "JMSC/FORGED/1", "verification_token": forged},
            {"verification_token": forged},
            {"state": "completed"},
        ):
            with self.assertRaises(UserError):
                enrolment.write(vals)
        self.authenticate(None, None)
        response = self.url_open(f"/jmsc/training/certificate/{forged}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("JMSC/FORGED", response.text)
        # Even a token written behind the guard (sudo) shows nothing while the enrolment is not completed.
        self.enrolment.sudo().verification_token = forged
        self.assertEqual(self.url_open(f"/jmsc/training/certificate/{forged}").status_code, 404)
        # The real path: assessed, numbered, verifiable.
        self.enrolment.sudo().verification_token = False
        self.enrolment.action_evaluate()
        response = self.url_open(f"/jmsc/training/certificate/{self.enrolment.verification_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.enrolment.certificate_number, response.text)
        self.assertNotIn("3212064506959301", response.text)
        self.assertNotIn("Forge Ayu", response.text)

    def test_bad_tokens_and_bursts(self):
        self.authenticate(None, None)
        for token in ("x", "A" * 300, "..%2F..%2Fetc", "0000000000000000"):
            response = self.url_open(f"/jmsc/training/certificate/{token}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("Traceback", response.text)
        statuses = {
            self.url_open(f"/jmsc/training/certificate/burst-{i:03d}-0123456789ab").status_code for i in range(35)
        }
        self.assertIn(429, statuses)

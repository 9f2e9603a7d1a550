import datetime

from odoo import Command, fields
from odoo.addons.jmsc_base.tests.common import make_agency
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

# (first name, birth date and sex part of the NIK, region) of the trainees a tour batch enrols
TRAINEES = (
    ("Ayu", "450695", "321206"),
    ("Bayu", "120390", "321206"),
    ("Citra", "410792", "320906"),
)


class TrainingTourCase(HttpCase):
    """A batch of a training centre with a trainer who can log in, and enrolled trainees, for the tours and
    the public certificate pages."""

    @classmethod
    def _setup_batch(cls, login, programme, date_start, date_end, sessions, trainees, nik_serial, **user_values):
        """Create the centre, the trainer ``login`` (``cls.user_trainer``), the programme (values), and a batch
        over the given days with ``sessions`` (values); open it, enrol ``trainees`` (names prefixed with the
        programme's first word, NIKs numbered from ``nik_serial``), start it. Return the batch, its sessions
        and the enrolments."""
        centre = make_agency(cls.env, f"LPK {programme['name']}", "training_centre")
        cls.user_trainer = new_test_user(
            cls.env, login=login, groups="jmsc_training.group_training_trainer", **user_values
        )
        trainer = cls.env["jmsc.training.trainer"].create(
            {"partner_id": cls.user_trainer.partner_id.id, "user_id": cls.user_trainer.id}
        )
        batch = cls.env["jmsc.training.batch"].create(
            {
                "name": f"{programme['code']}-BATCH",
                "programme_id": cls.env["jmsc.training.programme"].create(programme).id,
                "centre_id": centre.id,
                "trainer_ids": [Command.set(trainer.ids)],
                "date_start": date_start,
                "date_end": date_end,
            }
        )
        sessions = cls.env["jmsc.training.session"].create([dict(values, batch_id=batch.id) for values in sessions])
        batch.action_open()
        prefix = programme["name"].split()[0]
        migrants = cls.env["res.partner"].create(
            [
                {
                    "name": f"{prefix} {name}",
                    "is_migrant": True,
                    "nik": f"{region}{born}{nik_serial + number}",
                    "regency_id": cls.env.ref(f"jmsc_base.regency_{region[:4]}").id,
                }
                for number, (name, born, region) in enumerate(TRAINEES[:trainees], start=1)
            ]
        )
        enrolments = cls.env["jmsc.training.enrolment"].create(
            [{"partner_id": migrant.id, "batch_id": batch.id} for migrant in migrants]
        )
        batch.action_start()
        return batch, sessions, enrolments

    @classmethod
    def _setup_two_day_batch(cls, login, programme, date_end, nik_serial, **user_values):
        """Yesterday's session (its attendance sheet prepared) and today's, open all day; three trainees."""
        today = fields.Date.today()
        yesterday = today - datetime.timedelta(days=1)
        cls.batch, sessions, cls.enrolments = cls._setup_batch(
            login,
            programme,
            yesterday,
            date_end,
            [{"date": yesterday}, {"date": today, "hour_start": 0.0, "hour_end": 23.5}],
            3,
            nik_serial,
            **user_values,
        )
        cls.yesterday, cls.today_session = sessions
        cls.yesterday._prepare_attendance()

    def setUp(self):
        super().setUp()
        self.env["jmsc.rate.limit"].sudo().search([]).unlink()  # every test starts under the limit


@tagged("post_install", "-at_install")
class TestTour(TrainingTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_two_day_batch(
            "tour_trainer",
            {"code": "TOUR", "name": "Tour Programme"},
            fields.Date.today(),
            9100,
            name="Tour Trainer",
            lang="en_US",
        )

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
class TestTrainerNilaiTour(TrainingTourCase):
    """As a trainer without an email address, from the landing page: attendance, Nilai grid, decide, print."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_two_day_batch(
            "tour_nilai_trainer",
            {
                "code": "NILAI",
                "name": "Nilai Programme",
                "pass_mark": 60.0,
                "min_attendance": 50.0,
                "component_ids": [Command.create({"name": "Praktik", "weight": 100.0})],
            },
            fields.Date.today() + datetime.timedelta(days=1),
            9200,
            name="Trainer Nilai",
            tz="Asia/Jakarta",
            email=False,
        )
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
class TestForgedCertificate(TrainingTourCase):
    """Regression (issue 11): a trainer's write() cannot make the public page show a forged certificate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        batch, session, cls.enrolment = cls._setup_batch(
            "forge_trainer",
            {"code": "FORGE", "name": "Forge Programme"},
            today,
            today,
            [{"date": today}],
            1,
            9300,
            name="Forge Trainer",
        )
        session._prepare_attendance()

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

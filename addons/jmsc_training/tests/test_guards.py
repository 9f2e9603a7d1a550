from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestGuards(TrainingCommon):
    """Least privilege (issue 11) and the Nilai journey (issue 12), as each training role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.create_batch()
        cls.session = cls.add_session(cls.batch)
        cls.ani = cls.create_migrant("Ani Lestari", female=True)
        cls.budi = cls.create_migrant("Budi Santoso")
        cls.outsider = cls.create_migrant("Citra Dewi", female=True)
        cls.enrolments = cls.enrol(cls.batch, cls.ani | cls.budi)
        cls.batch.action_start()
        cls.session._prepare_attendance()
        cls.ani_enrolment, cls.budi_enrolment = cls.enrolments
        # Users without an email address (contract 7).
        (cls.user_trainer | cls.user_staff).write({"email": False})
        cls.user_staff.partner_id.email = False
        cls.user_trainer.partner_id.email = False

    # -- write guards -------------------------------------------------------------------------------
    def test_trainer_cannot_forge_a_certificate_through_write(self):
        enrolment = self.ani_enrolment.with_user(self.user_trainer)
        for vals in (
            {"state": "completed"},
            {"certificate_number": "JMSC/FORGED/1"},
            {"verification_token": "forged-token-forged-token"},
            {"date_completed": self.today},
        ):
            with self.assertRaisesText(UserError, "only through"):
                enrolment.write(vals)
        self.assertEqual(self.ani_enrolment.state, "enrolled")
        self.assertFalse(self.ani_enrolment.certificate_number)
        # The note stays editable: the guard is about the status and the certificate only.
        enrolment.write({"note": "Rajin"})
        self.assertEqual(self.ani_enrolment.note, "Rajin")

    def test_staff_cannot_create_a_completed_enrolment_nor_repoint_the_trainee(self):
        Enrolment = self.env["jmsc.training.enrolment"].with_user(self.user_staff)
        with self.assertRaisesText(UserError, "starts as an application"):
            Enrolment.create({"partner_id": self.ani.id, "batch_id": self.batch.id, "state": "completed"})
        with self.assertRaisesText(UserError, "cannot be changed"):
            self.ani_enrolment.with_user(self.user_staff).write({"partner_id": self.outsider.id})
        # Creating an enrolment for a migrant the staff cannot see is refused: no widening of reads.
        with self.assertRaisesText(AccessError, "Enrol by NIK"):
            Enrolment.create({"partner_id": self.outsider.id, "batch_id": self.batch.id})
        with self.assertRaises(AccessError):
            self.outsider.with_user(self.user_staff).read(["name"])

    def test_batch_state_only_through_buttons(self):
        with self.assertRaisesText(UserError, "only through"):
            self.batch.with_user(self.user_staff).write({"state": "done"})
        with self.assertRaisesText(UserError, "Only the staff"):
            self.batch.with_user(self.user_trainer).action_done()
        self.assertEqual(self.batch.state, "running")
        # The trainer teaches the batch but does not re-plan it.
        for vals in ({"capacity": 5}, {"trainer_ids": [(6, 0, [])]}, {"date_end": self.batch.date_start}):
            with self.assertRaisesText(UserError, "only the staff"):
                self.batch.with_user(self.user_trainer).write(vals)
        self.assertFalse(self.batch.with_user(self.user_trainer).jmsc_can_plan)
        self.assertTrue(self.batch.with_user(self.user_staff).jmsc_can_plan)
        self.batch.with_user(self.user_staff).write({"capacity": 30})
        self.assertEqual(self.batch.capacity, 30)

    def test_trainer_cannot_enrol_drop_or_reopen(self):
        with self.assertRaisesText(UserError, "You may not"):
            self.ani_enrolment.with_user(self.user_trainer).action_drop()
        self.ani_enrolment.with_user(self.user_staff).action_drop()
        self.assertEqual(self.ani_enrolment.state, "dropped")
        with self.assertRaisesText(UserError, "You may not"):
            self.ani_enrolment.with_user(self.user_trainer).action_reopen()
        self.ani_enrolment.with_user(self.user_staff).action_reopen()
        self.assertEqual(self.ani_enrolment.state, "enrolled")

    # -- identity data -------------------------------------------------------------------------------
    def test_training_roles_read_no_identity_data(self):
        document = self.env["res.partner.id_number"].create(
            {
                "partner_id": self.ani.id,
                "category_id": self.env["res.partner.id_category"].search([], limit=1).id,
                "name": "X1234567",
            }
        )
        for user in (self.user_trainer, self.user_staff):
            ani = self.ani.with_user(user)
            self.assertEqual(ani.name, "Ani Lestari", "the trainee's name is readable")
            with self.assertRaises(AccessError):
                ani.read(["nik"])
            self.assertFalse(
                self.env["res.partner.id_number"].with_user(user).search([("id", "=", document.id)]),
                "identity documents (passport numbers, scans) are not readable",
            )
            with self.assertRaises(AccessError):
                ani.write({"name": "Renamed"})

    def test_enrol_by_nik_shows_only_the_card(self):
        batch = self.create_batch(start=self.today + __import__("datetime").timedelta(days=40))
        wizard = Form(self.env["jmsc.training.enrol.wizard"].with_user(self.user_staff))
        wizard.batch_id = batch
        wizard.nik = self.outsider.nik
        self.assertTrue(wizard.match)
        self.assertEqual(wizard.initials, "C. D.")
        self.assertEqual(wizard.regency, "Kab. Indramayu")
        action = wizard.save().action_enrol()
        enrolment = self.env["jmsc.training.enrolment"].browse(action["res_id"])
        self.assertEqual(enrolment.partner_id, self.outsider)
        self.assertEqual(enrolment.state, "applied")
        # Now a trainee of the staff's centre: the name is readable, never the NIK.
        self.assertEqual(self.outsider.with_user(self.user_staff).name, "Citra Dewi")
        with self.assertRaises(AccessError):
            self.outsider.with_user(self.user_staff).read(["nik"])
        # Unknown NIK: no card, no enrolment.
        wizard = Form(self.env["jmsc.training.enrol.wizard"].with_user(self.user_staff))
        wizard.batch_id = batch
        wizard.nik = "3212054506950099"
        self.assertFalse(wizard.match)
        with self.assertRaisesText(UserError, "No migrant"):
            wizard.save().action_enrol()
        # A mistyped NIK: no card while typing, a clear reason when enrolling.
        wizard = Form(self.env["jmsc.training.enrol.wizard"].with_user(self.user_staff))
        wizard.batch_id = batch
        wizard.nik = "3212059999999999"
        self.assertFalse(wizard.match)
        with self.assertRaisesText(UserError, "not a real date"):
            wizard.save().action_enrol()
        # Staff of another centre cannot enrol into this batch.
        with self.assertRaises(AccessError):
            self.env["jmsc.training.enrol.wizard"].with_user(self.user_staff_lpk).create(
                {"batch_id": batch.id, "nik": self.budi.nik}
            ).action_enrol()

    # -- Nilai: the score grid -----------------------------------------------------------------------
    def test_nilai_opens_the_grid_and_decides_only_when_confirmed(self):
        action = self.ani_enrolment.with_user(self.user_trainer).action_open_score_entry()
        self.assertEqual(action["res_model"], "jmsc.training.score.entry")
        self.assertEqual(self.ani_enrolment.state, "enrolled", "opening Nilai decides nothing")
        entry = self.env["jmsc.training.score.entry"].with_user(self.user_trainer).browse(action["res_id"])
        # One grid: every trainee of the batch on every component.
        self.assertEqual(len(entry.line_ids), 4)
        self.assertEqual(set(entry.line_ids.mapped("trainee_name")), {"Ani Lestari", "Budi Santoso"})
        scores = {("Ani Lestari", "Written"): 90, ("Ani Lestari", "Speaking"): 80,
                  ("Budi Santoso", "Written"): 40, ("Budi Santoso", "Speaking"): 50}  # fmt: skip
        for line in entry.line_ids:
            line.score = scores[(line.trainee_name, line.component_id.name)]
            line.has_score = True
        entry.action_save()
        self.assertEqual(self.enrolments.mapped("state"), ["enrolled", "enrolled"], "saving decides nothing")
        self.assertAlmostEqual(self.ani_enrolment.score, 84.0)
        entry.action_confirm()
        self.assertEqual(self.ani_enrolment.state, "completed")
        self.assertEqual(self.budi_enrolment.state, "failed")
        self.assertTrue(self.ani_enrolment.certificate_number)
        # The failing trainee's reasons are logged by OdooBot, though the trainer has no email.
        note = self.budi_enrolment.message_ids[:1]
        self.assertIn("pass mark", note.body)
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        # A decided result keeps its scores.
        with self.assertRaisesText(UserError, "already decided"):
            self.budi_enrolment.score_ids[:1].with_user(self.user_trainer).write({"score": 100})
        # The certificate prints for the trainer.
        report = self.ani_enrolment.with_user(self.user_trainer).action_print_certificate()
        self.assertEqual(report["report_name"], "jmsc_training.report_training_certificate")

    def test_other_trainer_cannot_score_this_batch(self):
        with self.assertRaises(AccessError):
            self.batch.with_user(self.user_trainer2).action_open_score_entry()
        with self.assertRaises(AccessError):
            self.ani_enrolment.with_user(self.user_trainer2).action_evaluate()

    def test_close_and_assess_without_email(self):
        """Tutup dan Nilai on a batch by staff without an email address: no 'configure the sender' error."""
        self.env["jmsc.training.score"].create(
            [
                {"enrolment_id": self.ani_enrolment.id, "component_id": self.written.id, "score": 90},
                {"enrolment_id": self.ani_enrolment.id, "component_id": self.speaking.id, "score": 90},
            ]
        )
        self.batch.with_user(self.user_staff).action_done()
        self.assertEqual(self.batch.state, "done")
        self.assertEqual(self.ani_enrolment.state, "completed")
        self.assertEqual(self.budi_enrolment.state, "failed")

    # -- Hari Ini ------------------------------------------------------------------------------------
    def test_today_filters(self):
        trainer_action = self.env["jmsc.training.session"].with_user(self.user_trainer).action_today_sessions()
        self.assertEqual(trainer_action["context"].get("search_default_filter_mine"), 1)
        self.assertEqual(trainer_action["context"].get("search_default_filter_today"), 1)
        staff_action = self.env["jmsc.training.session"].with_user(self.user_staff).action_today_sessions()
        self.assertNotIn("search_default_filter_mine", staff_action["context"])
        # Staff see every session of their centre, not those of another centre.
        other = self.create_batch(room=self.room_lpk, trainers=self.trainer2, programme=self.caregiving)
        other_session = self.add_session(other)
        visible = self.env["jmsc.training.session"].with_user(self.user_staff).search([("date", "=", self.today)])
        self.assertIn(self.session, visible)
        self.assertNotIn(other_session, visible)

    def test_landing_pages(self):
        trainer_group = self.env.ref("jmsc_training.group_training_trainer")
        staff_group = self.env.ref("jmsc_training.group_training_centre_staff")
        self.assertEqual(
            trainer_group.jmsc_home_action_id.id,
            self.env.ref("jmsc_training.jmsc_training_session_action_today_server").id,
        )
        self.assertEqual(
            staff_group.jmsc_home_action_id.id, self.env.ref("jmsc_training.jmsc_training_batch_action").id
        )
        self.assertLess(staff_group.jmsc_home_priority, trainer_group.jmsc_home_priority)

    def test_smart_button_counts_only_what_the_user_may_open(self):
        user = new_test_user(self.env, login="trn_other_staff", groups="jmsc_training.group_training_centre_staff",
                             jmsc_agency_id=self.lpk.id)  # fmt: skip
        self.assertEqual(self.ani.with_user(self.user_staff).training_enrolment_count, 1)
        self.assertEqual(self.ani.with_user(self.user_trainer).training_enrolment_count, 1)
        # Staff of another centre: the enrolment is not theirs to open, so it is not counted.
        self.env.invalidate_all()
        self.assertEqual(self.ani.with_user(user).training_enrolment_count, 0)

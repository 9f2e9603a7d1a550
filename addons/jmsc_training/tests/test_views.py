from odoo.tests import tagged

from .common import TrainingCommon

ACTIONS = [
    "jmsc_training.jmsc_training_programme_action",
    "jmsc_training.jmsc_training_room_action",
    "jmsc_training.jmsc_training_trainer_action",
    "jmsc_training.jmsc_training_batch_action",
    "jmsc_training.jmsc_training_session_action",
    "jmsc_training.jmsc_training_session_action_today",
    "jmsc_training.jmsc_training_enrolment_action",
    "jmsc_training.jmsc_training_enrolment_action_dashboard",
    "jmsc_training.jmsc_training_attendance_action",
]


@tagged("post_install", "-at_install")
class TestViews(TrainingCommon):
    def test_every_action_opens_for_every_group(self):
        batch = self.create_batch()
        self.add_session(batch)
        self.enrol(batch, self.create_migrant("Putri", female=True)).action_enrol()
        batch.action_start()
        batch.session_ids._prepare_attendance()
        users = (
            self.user_trainer,
            self.user_staff,
            self.user_manager,
            self.user_regency,
            self.user_jmsc,
        )
        for user in users:
            for xmlid in ACTIONS:
                with self.subTest(user=user.login, action=xmlid):
                    action = self.env.ref(xmlid)
                    model = self.env[action.res_model].with_user(user)
                    views = model.get_views(
                        [(False, mode) for mode in action.view_mode.split(",")] + [(False, "search")]
                    )
                    self.assertTrue(views["views"])
                    model.web_search_read([], {"display_name": {}}, limit=20)

    def test_migrant_form_shows_completed_trainings(self):
        form = self.env.ref("jmsc_base.res_partner_view_form_migrant")
        for user in (self.user_trainer, self.user_regency, self.user_manager):
            with self.subTest(user=user.login):
                arch = self.env["res.partner"].with_user(user).get_views([(form.id, "form")])["views"]["form"]["arch"]
                self.assertIn("action_view_training_enrolments", arch)
                self.assertIn("training_completed_programme_ids", arch)

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTourMenu(HttpCase):
    def test_regency_officer_opens_jmsc_menu(self):
        new_test_user(
            self.env,
            login="tour_regency_officer",
            password="tour_regency_officer",
            groups="jmsc_base.group_jmsc_regency_officer",
            jmsc_regency_ids=[(6, 0, self.env.ref("jmsc_base.regency_3212").ids)],
        )
        self.start_tour("/odoo", "jmsc_base_open_menu", login="tour_regency_officer")

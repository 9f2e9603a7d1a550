from odoo.tests import tagged

from .common import JmscTourCase


@tagged("post_install", "-at_install")
class TestTourRegister(JmscTourCase):
    def test_regency_officer_registers_a_migrant(self):
        self._regency_officer("tour_officer")
        self.start_tour(
            "/odoo/action-jmsc_base.res_partner_action_migrant", "jmsc_base_register_migrant", login="tour_officer"
        )
        Partner = self.env["res.partner"]
        ani = Partner.search([("nik", "=", "3212014506950077")])
        self.assertEqual(ani.name, "Tour Ani Suryani")
        self.assertEqual((ani.gender, str(ani.birthdate_date)), ("female", "1995-06-05"))
        self.assertEqual(ani.regency_id, self.env.ref("jmsc_base.regency_3212"))
        self.assertEqual(ani.stage_history_ids.stage_to, "prospective")
        self.assertFalse(Partner.search([("name", "=", "Tour Budi Salah")]))

from odoo.tests import tagged

from .common import JmscTourCase


@tagged("post_install", "-at_install")
class TestTourMenu(JmscTourCase):
    def test_regency_officer_opens_jmsc_menu(self):
        self._regency_officer("tour_regency_officer")
        self.start_tour("/odoo", "jmsc_base_open_menu", login="tour_regency_officer")

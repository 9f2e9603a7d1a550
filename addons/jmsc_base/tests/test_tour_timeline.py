import datetime

from odoo.tests import tagged

from .common import JmscTourCase, make_nik


@tagged("post_install", "-at_install")
class TestTourTimeline(JmscTourCase):
    """officer.indramayu, from their landing page, opens a migrant's Timeline page (Indonesian, WIB, links)."""

    def test_officer_opens_timeline(self):
        if not self.env["res.lang"]._lang_get("id_ID"):
            self.skipTest("needs Bahasa Indonesia loaded")
        self._demo_user("jmsc_base.user_regency_officer_demo", lang="id_ID")
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        sari = env["res.partner"].create(
            {
                "name": "Tour Timeline Sari",
                "is_migrant": True,
                "nik": make_nik(9, 9, 1997, serial=93, female=True),
                "regency_id": env.ref("jmsc_base.regency_3212").id,
            }
        )
        env["jmsc.placement"].create(
            {
                "partner_id": sari.id,
                "country_id": env.ref("base.tw").id,
                "employer": "Hsinchu Care",
                "sector": "caregiver",
                "departure_date": datetime.date(2025, 2, 3),
            }
        )
        self.start_tour("/odoo", "jmsc_base_timeline", login="officer.indramayu")

import datetime

from odoo.tests import HttpCase, tagged

from .common import make_nik


@tagged("post_install", "-at_install")
class TestTourTimeline(HttpCase):
    """officer.indramayu, from their landing page, opens a migrant's Timeline page (Indonesian, WIB, links)."""

    def test_officer_opens_timeline(self):
        officer = self.env.ref("jmsc_base.user_regency_officer_demo", raise_if_not_found=False)
        if not officer:
            self.skipTest("needs the jmsc_base demo data (officer.indramayu)")
        if not self.env["res.lang"]._lang_get("id_ID"):
            self.skipTest("needs Bahasa Indonesia loaded")
        officer.lang = "id_ID"
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

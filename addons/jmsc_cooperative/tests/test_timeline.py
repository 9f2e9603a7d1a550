import datetime

from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestCoopTimeline(CoopCommon):
    """Joining the cooperative and the month-end savings balances on the migrant timeline."""

    def test_join_and_monthly_balances(self):
        account = self.account(self.member_1)
        self.member_1.sudo().join_date = datetime.date(2026, 1, 15)
        self.post(account, "deposit", 300000, value_date=datetime.date(2026, 2, 3))
        self.post(account, "deposit", 200000, value_date=datetime.date(2026, 2, 20))
        self.post(account, "withdrawal", 50000, value_date=datetime.date(2026, 3, 1))
        events = self.person_1.with_user(self.staff_a)._jmsc_timeline(newest_first=False)
        coop = [(e["kind"], e["date"], e["detail"]) for e in events if e["module"] == "jmsc_cooperative"]
        self.assertEqual([(k, d) for k, d, _x in coop][:3], [
            ("coop_join", datetime.date(2026, 1, 15)),
            ("coop_balance", datetime.date(2026, 2, 28)),
            ("coop_balance", datetime.date(2026, 3, 31)),
        ])  # fmt: skip
        self.assertIn("Rp 500.000", coop[1][2])
        self.assertIn("Rp 450.000", coop[2][2])
        self.assertIn("Koperasi Test Indramayu", coop[0][2])

    def test_other_cooperative_staff_sees_no_membership(self):
        events = self.env["res.partner"].with_user(self.staff_b)._jmsc_timeline_events(self.person_1)
        self.assertFalse([e for e in events if e["module"] == "jmsc_cooperative"])

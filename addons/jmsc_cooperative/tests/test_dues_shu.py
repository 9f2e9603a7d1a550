import datetime

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestDuesShu(CoopCommon):
    def test_dues_allocated_oldest_first(self):
        self.member_1.join_date = self.today + relativedelta(months=-3)
        dues = self.env["jmsc.coop.due"]._generate_dues()
        mine = dues.filtered(lambda d: d.member_id == self.member_1).sorted("month")
        self.assertEqual(len(mine), 4)
        self.assertEqual(set(mine.mapped("amount_due")), {50000})
        self.assertEqual(self.member_1.arrears_amount, 150000)
        wajib = self.account(self.member_1, "SW")
        deposit = self.post(wajib, "deposit", 120000)
        self.assertEqual(mine.mapped("amount_paid"), [50000, 50000, 20000, 0])
        self.assertEqual(mine.mapped("state"), ["paid", "paid", "partial", "open"])
        self.assertEqual(self.member_1.arrears_amount, 30000)
        arrears = self.env["jmsc.coop.due"].search([("is_overdue", "=", True), ("member_id", "=", self.member_1.id)])
        self.assertEqual(arrears, mine[2])
        self.assertFalse(self.env["jmsc.coop.due"]._generate_dues().filtered(lambda d: d.member_id == self.member_1))
        deposit.with_user(self.manager_a).action_reverse()
        self.assertEqual(mine.mapped("amount_paid"), [0, 0, 0, 0])
        self.post(wajib, "deposit", 200000)
        self.assertEqual(mine.mapped("state"), ["paid"] * 4)

    def test_dues_waived_on_resignation(self):
        self.member_2.join_date = self.today + relativedelta(months=-1)
        self.env["jmsc.coop.due"]._cron_generate_dues()
        self.member_2.action_resign()
        self.assertEqual(set(self.member_2.due_ids.mapped("state")), {"waived"})
        self.assertEqual(self.member_2.arrears_amount, 0)

    def _shu_wizard(self, amount, rule):
        with Form(self.env["jmsc.coop.shu.wizard"].with_user(self.manager_a)) as form:
            form.cooperative_id = self.coop_a
            form.year = self.today.year
            form.amount = amount
            form.rule = rule
        return form.record

    def test_shu_preview_equals_posted_and_runs_once(self):
        self.post(self.account(self.member_1), "deposit", 300000)
        self.post(self.account(self.member_2, "SP"), "deposit", 100000)
        self.post(self.account(self.member_portal), "deposit", 100000)
        wizard = self._shu_wizard(1000000.01, "average_balance")
        self.assertEqual(wizard.product_id, self.sukarela_a)
        wizard.action_preview()
        preview = {line.member_id: line.share for line in wizard.line_ids}
        self.assertAlmostEqual(sum(preview.values()), 1000000.01, places=2)
        self.assertAlmostEqual(preview[self.member_1], 600000.01, places=2)
        action = wizard.action_post()
        run = self.env["jmsc.coop.shu.run"].browse(action["res_id"])
        posted = {line.member_id: line.transaction_id.amount for line in run.line_ids if line.transaction_id}
        self.assertEqual(posted, {member: share for member, share in preview.items() if share})
        self.assertEqual(self.account(self.member_2).balance, 200000)
        again = self._shu_wizard(5, "contributions")
        with self.assertRaisesRegex(UserError, "already distributed"):
            again.action_post()
        self.assertFalse(self.account(self.member_1).check_ledger())

    def test_shu_by_contributions_and_rights(self):
        self.post(self.account(self.member_1), "deposit", 100, value_date=datetime.date(self.today.year, 1, 1))
        self.post(self.account(self.member_2), "deposit", 300)
        wizard = self._shu_wizard(100, "contributions")
        wizard.action_preview()
        shares = {line.member_id: line.share for line in wizard.line_ids}
        self.assertEqual((shares[self.member_1], shares[self.member_2]), (25, 75))
        with self.assertRaises(UserError):
            wizard.with_user(self.staff_a).action_post()

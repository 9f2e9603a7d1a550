import datetime

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import SQL

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestPosting(CoopCommon):
    def test_deposit_withdrawal_running_balance(self):
        account = self.account(self.member_1)
        first = self.post(
            account, "deposit", 100000, channel="remittance", source_country_id=self.env.ref("base.tw").id
        )
        second = self.post(account, "withdrawal", 30000.004)
        self.assertEqual(account.balance, 70000)
        self.assertEqual((first.amount, first.running_balance), (100000, 100000))
        self.assertEqual((second.amount, second.running_balance), (-30000, 70000))
        self.assertEqual(first.source_country_id, self.env.ref("base.tw"))
        self.assertEqual(account.last_value_date, self.today)
        self.assertFalse(account.check_ledger())

    def test_ledger_day_is_the_cooperative_s_whatever_the_teller_s_time_zone(self):
        """At 20:00 UTC it is already tomorrow in Jakarta: a teller whose user has no time zone posts on
        the cooperative's day after a colleague in Jakarta's, and is not refused as "before its last posting"."""
        self.coop_a.tz = False  # none on the cooperative either: West Java's day
        in_jakarta = self._coop_user("coop_teller_wib", tz="Asia/Jakarta")
        without_tz = self._coop_user("coop_teller_utc", tz=False)
        account = self.account(self.member_1)
        with freeze_time("2026-12-02 20:00:00"):
            first = account.with_user(in_jakarta).post_transaction("deposit", 50000, idempotency_key="tz-1")
            second = account.with_user(without_tz).post_transaction("withdrawal", 10000, idempotency_key="tz-2")
            teller = self.env["jmsc.coop.teller"].with_user(without_tz).create({})
        postings = self.env["jmsc.coop.transaction"].browse([first, second])
        self.assertEqual(postings.mapped("value_date"), [datetime.date(2026, 12, 3)] * 2)
        self.assertEqual(teller.value_date, datetime.date(2026, 12, 3))
        self.assertEqual(account.balance, 40000)

    def test_overdraft_refused_and_nothing_changes(self):
        account = self.account(self.member_1)
        self.post(account, "deposit", 1000)
        count = self.env["jmsc.coop.transaction"].search_count([("account_id", "=", account.id)])
        with self.assertRaisesRegex(UserError, "available balance"):
            self.post(account, "withdrawal", 1000.01)
        self.assertEqual(account.balance, 1000)
        self.assertEqual(self.env["jmsc.coop.transaction"].search_count([("account_id", "=", account.id)]), count)

    def test_product_rules(self):
        wajib = self.account(self.member_1, "SW")
        self.post(wajib, "deposit", 50000)
        with self.assertRaisesRegex(UserError, "does not allow"):
            self.post(wajib, "withdrawal", 10000)
        with self.assertRaisesRegex(UserError, "does not allow"):
            self.post(wajib, "transfer", 10000, counterpart=self.account(self.member_1))
        self.sukarela_a.min_balance = 10000
        sukarela = self.account(self.member_1)
        self.post(sukarela, "deposit", 20000)
        with self.assertRaisesRegex(UserError, "minimum"):
            self.post(sukarela, "withdrawal", 10001)
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.post(sukarela, "deposit", 0)
        with self.assertRaisesRegex(ValidationError, "country"):
            self.post(sukarela, "deposit", 10, channel="remittance")
        with self.assertRaises(ValidationError):
            self.sukarela_a.copy({"code": "XX", "kind": "wajib"})

    def test_account_state(self):
        account = self.account(self.member_1)
        self.post(account, "deposit", 500)
        account.action_block()
        with self.assertRaisesRegex(UserError, "(?i)blocked"):
            self.post(account, "deposit", 1)
        account.action_set_dormant()
        self.post(account, "deposit", 1)
        with self.assertRaisesRegex(UserError, "dormant"):
            self.post(account, "withdrawal", 1)
        with self.assertRaisesRegex(UserError, "still holds"):
            account.action_close()

    def test_transfer_locks_both_and_posts_two_legs(self):
        source, target = self.account(self.member_1), self.account(self.member_2)
        self.post(source, "deposit", 1000)
        out_leg = self.post(source, "transfer", 400, counterpart=target)
        self.assertEqual((source.balance, target.balance), (600, 400))
        in_leg = out_leg.counterpart_ids
        self.assertEqual(in_leg.account_id, target)
        self.assertEqual((out_leg.amount, in_leg.amount), (-400, 400))
        with self.assertRaisesRegex(ValidationError, "one cooperative"):
            self.post(source, "transfer", 1, counterpart=self.account(self.member_3))
        with self.assertRaisesRegex(UserError, "available"):
            self.post(source, "transfer", 601, counterpart=target)

    def test_idempotency_key(self):
        account = self.account(self.member_1)
        first = self.post(account, "deposit", 700, idempotency_key="teller-1")
        again = self.post(account, "deposit", 700, idempotency_key="teller-1")
        self.assertEqual(first, again)
        self.assertEqual(account.balance, 700)
        with self.assertRaisesRegex(ValidationError, "different posting"):
            self.post(account, "deposit", 701, idempotency_key="teller-1")
        other_coop = self.account(self.member_3)
        self.post(other_coop, "deposit", 5, idempotency_key="teller-1")
        transaction_id = account.post_transaction("deposit", 700, idempotency_key="teller-1")
        self.assertEqual(transaction_id, first.id)

    def test_value_dates_and_closed_months(self):
        account = self.account(self.member_1)
        last_month = self.today + relativedelta(months=-1)
        self.post(account, "deposit", 100, value_date=last_month)
        period = (
            self.env["jmsc.coop.period"]
            .with_user(self.manager_a)
            .create({"cooperative_id": self.coop_a.id, "month": last_month})
        )
        self.assertEqual(period.month, last_month.replace(day=1))
        with self.assertRaisesRegex(UserError, "closed"):
            self.post(self.account(self.member_2), "deposit", 100, value_date=last_month)
        self.post(self.account(self.member_3), "deposit", 100, value_date=last_month)  # other cooperative
        with self.assertRaisesRegex(ValidationError, "future"):
            self.post(account, "deposit", 100, value_date=self.today + relativedelta(days=1))
        self.post(account, "deposit", 100)
        with self.assertRaisesRegex(ValidationError, "before its last posting"):
            self.post(account, "deposit", 100, value_date=self.today + relativedelta(days=-1))
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            period.write({"month": self.today})
        with self.assertRaises(ValidationError):
            self.env["jmsc.coop.period"].create({"cooperative_id": self.coop_a.id, "month": last_month})

    def test_holds(self):
        account = self.account(self.member_1)
        self.post(account, "deposit", 1000)
        hold = self.env["jmsc.coop.hold"].create({"account_id": account.id, "amount": 600, "reason": "Loan guarantee"})
        self.assertEqual((account.held_amount, account.available_balance), (600, 400))
        with self.assertRaisesRegex(UserError, "available balance"):
            self.post(account, "withdrawal", 401)
        with self.assertRaisesRegex(UserError, "exceeds"):
            self.env["jmsc.coop.hold"].create({"account_id": account.id, "amount": 401, "reason": "Too much"})
        with self.assertRaisesRegex(UserError, "cannot change"):
            hold.amount = 1
        hold.action_release()
        self.assertEqual(account.available_balance, 1000)
        self.post(account, "withdrawal", 1000)
        with self.assertRaisesRegex(UserError, "already released"):
            hold.action_release()

    def test_reversal_once_and_nets_to_zero(self):
        account = self.account(self.member_1)
        deposit = self.post(account, "deposit", 2500)
        action = deposit.with_user(self.manager_a).action_reverse()
        reversal = self.env["jmsc.coop.transaction"].browse(action["res_id"])
        self.assertEqual(reversal.reversal_of_id, deposit)
        self.assertEqual(deposit.reversed_by_id, reversal)
        self.assertTrue(deposit.is_reversed)
        self.assertEqual(deposit.amount + reversal.amount, 0)
        self.assertEqual(account.balance, 0)
        with self.assertRaisesRegex(UserError, "already been reversed"):
            deposit.with_user(self.manager_a).action_reverse()
        with self.assertRaisesRegex(UserError, "cannot be reversed"):
            reversal.with_user(self.manager_a).action_reverse()
        self.assertIn(deposit, self.env["jmsc.coop.transaction"].search([("is_reversed", "=", True)]))

    def test_reversal_of_transfer_reverses_both_legs(self):
        source, target = self.account(self.member_1), self.account(self.member_2)
        self.post(source, "deposit", 1000)
        out_leg = self.post(source, "transfer", 300, counterpart=target)
        out_leg.with_user(self.manager_a).action_reverse()
        self.assertEqual((source.balance, target.balance), (1000, 0))
        self.assertTrue(out_leg.counterpart_ids.is_reversed)
        self.assertFalse((source | target).check_ledger())

    def test_reversal_refused_when_money_is_gone(self):
        account = self.account(self.member_1)
        deposit = self.post(account, "deposit", 100)
        self.post(account, "withdrawal", 60)
        with self.assertRaisesRegex(UserError, "available balance"):
            deposit.with_user(self.manager_a).action_reverse()

    def test_check_ledger_finds_tampering(self):
        account = self.account(self.member_1)
        self.post(account, "deposit", 100)
        self.post(account, "deposit", 50)
        self.assertFalse(account.check_ledger())
        self.env.cr.execute(SQL("UPDATE jmsc_coop_account SET balance = 151 WHERE id = %s", account.id))
        account.invalidate_recordset()
        problems = account.check_ledger()
        self.assertTrue(problems)
        self.assertIn(account.name, problems[0])
        with self.assertRaises(UserError):
            account.action_check_ledger()

    def test_member_numbers_and_accounts(self):
        self.assertNotEqual(self.member_1.number, self.member_2.number)
        self.assertEqual(len(self.member_1.account_ids), 3)
        self.assertEqual(self.account(self.member_1).name, f"{self.member_1.number}-SS")
        self.assertIn(
            self.member_1, self.env["jmsc.coop.member"].search([("display_name", "ilike", "3212014506958001")])
        )
        found = self.env["jmsc.coop.member"].name_search(self.member_2.number)
        self.assertEqual([row[0] for row in found], [self.member_2.id])

    def test_resignation_settles_and_closes(self):
        self.post(self.account(self.member_1, "SP"), "deposit", 100000)
        self.post(self.account(self.member_1, "SW"), "deposit", 50000)
        self.post(self.account(self.member_1), "deposit", 1234)
        self.member_1.with_user(self.manager_a).action_resign()
        self.assertEqual(self.member_1.status, "resigned")
        self.assertEqual(set(self.member_1.account_ids.mapped("state")), {"closed"})
        self.assertEqual(sum(self.member_1.account_ids.mapped("balance")), 0)
        closing = self.member_1.account_ids.transaction_ids.filtered(lambda t: t.transaction_type == "withdrawal")
        self.assertEqual(sorted(closing.mapped("amount")), [-100000, -50000, -1234])
        with self.assertRaisesRegex(UserError, "(?i)closed"):
            self.post(self.account(self.member_1), "deposit", 1)
        with self.assertRaisesRegex(UserError, "reopened"):
            self.account(self.member_1).action_activate()

    def test_resignation_refused_with_holds(self):
        account = self.account(self.member_1)
        self.post(account, "deposit", 100)
        self.env["jmsc.coop.hold"].create({"account_id": account.id, "amount": 10, "reason": "Guarantee"})
        with self.assertRaisesRegex(UserError, "holds"):
            self.member_1.action_resign()
        self.assertEqual(account.balance, 100)

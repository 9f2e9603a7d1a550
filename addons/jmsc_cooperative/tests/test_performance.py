from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestPostingQueries(CoopCommon):
    """Issue #15: a posting costs about what a bare create costs. Its queries are pinned here:
    1 round trip that locks the account rows and the cooperative's sequence and reads the whole ledger
    state (balance, holds, idempotency key, member, product rules, next number, closed month), and
    1 statement that takes the number, inserts the transaction and updates the balance."""

    def test_posting_query_count(self):
        account = self.account(self.member_1)
        account._post("deposit", 1000)  # the cooperative's sequence is created on its first posting
        self.env.flush_all()
        with self.assertQueryCount(2):
            account._post("deposit", 1000, idempotency_key="perf-1")
        with self.assertQueryCount(2):
            account._post("withdrawal", 500, idempotency_key="perf-2")
        # the same from a fresh cache (as in a new RPC request, where the user is loaded by the
        # authentication): nothing is read beside the lock (member, product, sequence, period included)
        self.env.invalidate_all()
        self.env.user.read(["tz"])
        with self.assertQueryCount(2):
            account._post("deposit", 700, idempotency_key="perf-3")
        # a replay of a key costs the lock and reading the posting that used the key first
        with self.assertQueryCount(2):
            replay = account._post("deposit", 1000, idempotency_key="perf-1")
        self.assertEqual(replay.amount, 1000)
        self.assertEqual(account.balance, 2200)
        self.assertFalse(account.check_ledger())

    def test_bare_create_baseline(self):
        """The baseline the benchmark compares with: a bare create of a model without logic."""
        run = self.env["jmsc.coop.shu.run"].create(
            {"cooperative_id": self.coop_a.id, "year": 1900, "amount": 1, "rule": "contributions",
             "product_id": self.sukarela_a.id}
        )  # fmt: skip
        account = self.account(self.member_1)
        self.env.flush_all()
        self.env.ref("base.IDR").read(["rounding"])  # the amounts are Monetary: rupiah's rounding, read once
        with self.assertQueryCount(3):
            self.env["jmsc.coop.shu.line"].create(
                {"run_id": run.id, "member_id": self.member_1.id, "account_id": account.id, "basis": 1, "share": 1}
            )

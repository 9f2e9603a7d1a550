from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestPostingQueries(CoopCommon):
    """Issue #15: a posting costs about what a bare create costs. Its queries are pinned here: a
    deposit or a withdrawal is 1 round trip, the database function `jmsc_coop_post_one` that locks the
    account row and the cooperative's sequence, reads the whole ledger state (balance, holds,
    idempotency key, member, product rules, next number, closed month), checks the posting rules and
    inserts the transaction with its number and running balance (as a bare create is 1 INSERT)."""

    def test_posting_query_count(self):
        account = self.account(self.member_1)
        account._post("deposit", 1000)  # the cooperative's sequence is created on its first posting
        self.env.flush_all()
        with self.assertQueryCount(1):
            account._post("deposit", 1000, idempotency_key="perf-1")
        with self.assertQueryCount(1):
            account._post("withdrawal", 500, idempotency_key="perf-2")
        # the same from a fresh cache (as in a new RPC request, where the user is loaded by the
        # authentication): nothing is read beside the function (member, product, sequence, period included)
        self.env.invalidate_all()
        self.env.user.read(["tz"])
        with self.assertQueryCount(1):
            account._post("deposit", 700, idempotency_key="perf-3")
        # a replay of a key costs the function and reading the posting that used the key first
        with self.assertQueryCount(2):
            replay = account._post("deposit", 1000, idempotency_key="perf-1")
        self.assertEqual(replay.amount, 1000)
        self.assertEqual(account.balance, 2200)
        self.assertFalse(account.check_ledger())

    def test_refusal_takes_the_general_path_and_changes_nothing(self):
        """The function refuses what the rules refuse (it may refuse more, never less): then nothing
        is written, and the general path (lock and state, 1 more query) raises the officer's message."""
        account = self.account(self.member_1)
        account._post("deposit", 1000)
        self.env.flush_all()
        count = len(account.transaction_ids)
        with self.assertQueryCount(2), self.assertRaisesRegex(UserError, "available balance"):
            account._post("withdrawal", 5000)
        account.invalidate_recordset()
        self.assertEqual((account.balance, len(account.transaction_ids)), (1000, count))
        self.assertFalse(account.check_ledger())

    def test_numbers_match_the_sequence_format(self):
        """The function numbers as `_coop_sequence_names` does, a number wider than the padding included."""
        account = self.account(self.member_1)
        account._post("deposit", 1000)
        sequence = self.coop_a.sudo().coop_transaction_sequence_id
        sequence.write({"padding": 2, "number_next": 123, "suffix": "-X"})
        self.env.flush_all()
        posted = account._post("deposit", 1000)
        self.assertEqual(posted.name, f"{sequence.prefix}123-X")
        sequence.invalidate_recordset()
        self.assertEqual(sequence.number_next, 124)
        sequence.write({"padding": 5})
        self.assertEqual(account._post("deposit", 1000).name, f"{sequence.prefix}00124-X")

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

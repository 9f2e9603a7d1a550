from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CoopCommon

ACCOUNT = st.integers(min_value=0, max_value=2)
CENTS = st.integers(min_value=1, max_value=2_000_000)
OPERATION = st.one_of(
    st.tuples(st.just("deposit"), ACCOUNT, ACCOUNT, CENTS),
    st.tuples(st.just("withdrawal"), ACCOUNT, ACCOUNT, CENTS),
    st.tuples(st.just("transfer"), ACCOUNT, ACCOUNT, CENTS),
    st.tuples(st.just("hold"), ACCOUNT, ACCOUNT, CENTS),
    st.tuples(st.just("release"), ACCOUNT, ACCOUNT, st.integers(min_value=0, max_value=20)),
    st.tuples(st.just("reverse"), ACCOUNT, ACCOUNT, st.integers(min_value=0, max_value=40)),
)


@tagged("post_install", "-at_install")
class TestLedgerProperties(CoopCommon):
    """Random sequences of postings against a model of the ledger kept in whole cents."""

    def _start(self):
        partners = self.env["res.partner"].create([{"name": f"Property Member {i}"} for i in range(3)])
        members = self.env["jmsc.coop.member"].create(
            [{"partner_id": p.id, "cooperative_id": self.coop_a.id} for p in partners]
        )
        self.accounts = [self.account(member) for member in members]
        self.balance, self.held = [0, 0, 0], [0, 0, 0]
        self.holds, self.posted = [], []

    def _available(self, index):
        return self.balance[index] - self.held[index]

    def _expect(self, allowed, call):
        """Run `call` when the model allows it, else check it is refused (and changes nothing)."""
        if allowed:
            return call()
        with self.assertRaises(UserError):
            call()
        return None

    def _op_deposit(self, index, _other, cents):
        self.posted.append(self.post(self.accounts[index], "deposit", cents / 100))
        self.balance[index] += cents

    def _op_withdrawal(self, index, _other, cents):
        done = self._expect(
            self._available(index) >= cents, lambda: self.post(self.accounts[index], "withdrawal", cents / 100)
        )
        if done:
            self.posted.append(done)
            self.balance[index] -= cents

    def _op_transfer(self, source, target, cents):
        if source == target:
            return
        done = self._expect(
            self._available(source) >= cents,
            lambda: self.post(self.accounts[source], "transfer", cents / 100, counterpart=self.accounts[target]),
        )
        if done:
            self.posted.append(done)
            self.balance[source] -= cents
            self.balance[target] += cents

    def _op_hold(self, index, _other, cents):
        vals = {"account_id": self.accounts[index].id, "amount": cents / 100, "reason": "property"}
        hold = self._expect(self._available(index) >= cents, lambda: self.env["jmsc.coop.hold"].create(vals))
        if hold:
            self.holds.append((hold, index, cents))
            self.held[index] += cents

    def _op_release(self, _index, _other, pick):
        active = [h for h in self.holds if h[0].state == "active"]
        if active:
            hold, index, cents = active[pick % len(active)]
            hold.action_release()
            self.held[index] -= cents

    def _op_reverse(self, _index, _other, pick):
        candidates = [t for t in self.posted if not t.is_reversed]
        if not candidates:
            return
        original = candidates[pick % len(candidates)]
        effect = {}
        for leg in original | original.counterpart_ids:
            index = self.accounts.index(leg.account_id)
            effect[index] = effect.get(index, 0) - round(leg.amount * 100)
        allowed = all(self._available(i) + delta >= 0 for i, delta in effect.items() if delta < 0)
        if self._expect(allowed, lambda: original.with_user(self.manager_a).action_reverse()):
            for index, delta in effect.items():
                self.balance[index] += delta

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(OPERATION, min_size=1, max_size=25))
    def test_random_sequences_keep_the_ledger_consistent(self, operations):
        self._start()
        for kind, first, second, value in operations:
            getattr(self, f"_op_{kind}")(first, second, value)
            # the modelled and the stored balances agree after every step; available never negative
            for index, account in enumerate(self.accounts):
                self.assertEqual(round(account.balance * 100), self.balance[index])
                self.assertGreaterEqual(account.available_balance, 0)
        self._assert_ledger()

    def _assert_ledger(self):
        accounts = self.accounts[0] | self.accounts[1] | self.accounts[2]
        self.assertEqual(accounts.check_ledger(), [])
        sums = dict(
            self.env["jmsc.coop.transaction"]._read_group(
                [("account_id", "in", accounts.ids)], ["account_id"], ["amount:sum"]
            )
        )
        for account in accounts:
            self.assertAlmostEqual(account.balance, sums.get(account, 0.0), places=2)
            running = 0.0
            for line in account.transaction_ids.sorted("id"):
                running = round(running + line.amount, 2)
                self.assertAlmostEqual(line.running_balance, running, places=2)
                self.assertGreaterEqual(line.running_balance, 0)
        transactions = accounts.transaction_ids
        for reversal in transactions.filtered(lambda t: t.transaction_type == "reversal"):
            self.assertAlmostEqual(reversal.amount + reversal.reversal_of_id.amount, 0, places=2)
        self.assertAlmostEqual(sum(transactions.mapped("amount")), sum(self.balance) / 100, places=2)

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestImmutability(CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_1 = cls.account(cls.member_1)
        cls.deposit = cls.account_1._post("deposit", 1000)

    def _users(self):
        return {
            "staff": self.staff_a,
            "manager": self.manager_a,
            "provincial": self.provincial,
            "jmsc_admin": self.jmsc_admin,
            "portal": self.user_portal,
            "admin": self.env.ref("base.user_admin"),
        }

    def test_write_unlink_refused_for_every_group(self):
        for label, user in self._users().items():
            transaction = self.deposit.with_user(user)
            with self.subTest(user=label):
                with self.assertRaises(UserError):  # or its subclass AccessError
                    transaction.write({"amount": 999999})
                with self.assertRaises(UserError):  # or its subclass AccessError
                    transaction.unlink()
                with self.assertRaises(UserError):  # or its subclass AccessError
                    transaction.create(
                        {
                            "account_id": self.account_1.id,
                            "cooperative_id": self.coop_a.id,
                            "member_id": self.member_1.id,
                            "product_id": self.sukarela_a.id,
                            "transaction_type": "deposit",
                            "amount": 5,
                            "value_date": self.today,
                        }
                    )
                with self.assertRaises(UserError):  # or its subclass AccessError
                    transaction.copy()
        self.assertEqual((self.deposit.amount, self.account_1.balance), (1000, 1000))

    def test_sudo_and_context_cannot_bypass(self):
        transaction = self.deposit.sudo().with_context(jmsc_coop_posting=True, _force_unlink=True)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            transaction.write({"reference": "edited"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            transaction.unlink()
        with self.assertRaisesRegex(UserError, "only by posting"):
            transaction.create({"account_id": self.account_1.id})

    def test_balance_cannot_be_written(self):
        for user in (self.staff_a, self.manager_a):
            with self.assertRaisesRegex(UserError, "only change by posting"):
                self.account_1.with_user(user).write({"balance": 5})
        with self.assertRaisesRegex(UserError, "only change by posting"):
            self.account_1.sudo().write({"balance": 5})
        with self.assertRaises(UserError):
            self.account_1.sudo().unlink()
        self.assertEqual(self.account_1.balance, 1000)

    def test_only_managers_reverse_and_charge_fees(self):
        with self.assertRaises(AccessError):
            self.deposit.with_user(self.staff_a).action_reverse()
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.staff_a).post_transaction("fee", 10)
        self.account_1.with_user(self.manager_a).post_transaction("fee", 10)
        with self.assertRaises(UserError):
            self.account_1.with_user(self.manager_a).post_transaction("shu", 10)
        self.assertEqual(self.account_1.balance, 990)
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.staff_a).action_block()
        with self.assertRaises(AccessError):
            self.member_1.with_user(self.staff_a).action_resign()
        self.account_1.with_user(self.manager_a).action_block()
        self.assertEqual(self.account_1.state, "blocked")

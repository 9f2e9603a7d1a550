from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestSecurity(CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_1 = cls.account(cls.member_1)
        cls.account_3 = cls.account(cls.member_3)
        cls.account_1._post("deposit", 500)
        cls.account_3._post("deposit", 700)

    def test_staff_see_only_their_cooperative(self):
        for model in ("jmsc.coop.member", "jmsc.coop.account", "jmsc.coop.transaction", "jmsc.coop.product"):
            records = self.env[model].with_user(self.staff_a).search([])
            self.assertEqual(set(records.mapped("cooperative_id").ids), {self.coop_a.id}, model)
            records_b = self.env[model].with_user(self.staff_b).search([])
            self.assertEqual(set(records_b.mapped("cooperative_id").ids), {self.coop_b.id}, model)
        with self.assertRaises(AccessError):
            self.account_3.with_user(self.staff_a).read(["balance"])
        with self.assertRaises(AccessError):
            self.account_3.with_user(self.staff_a).post_transaction("deposit", 10)
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.staff_a).post_transaction(
                "transfer", 10, counterpart_account_id=self.account_3.id
            )
        self.assertEqual(self.account_3.balance, 700)
        # the member contacts of the own cooperative are readable, through the cooperative's rule
        self.assertEqual(self.member_1.with_user(self.staff_a).partner_id.name, "Siti Test Aminah")

    def test_staff_post_through_public_method(self):
        transaction_id = self.account_1.with_user(self.staff_a).post_transaction("deposit", 250, reference="counter")
        transaction = self.env["jmsc.coop.transaction"].browse(transaction_id)
        self.assertEqual(transaction.create_uid, self.staff_a)
        self.assertEqual(self.account_1.balance, 750)
        with self.assertRaises(AccessError):
            self.env["jmsc.coop.period"].with_user(self.staff_a).create(
                {"cooperative_id": self.coop_a.id, "month": self.today}
            )

    def test_provincial_officer_reads_statistics_only(self):
        stats = self.env["jmsc.coop.statistics"].with_user(self.provincial).search([])
        self.assertTrue({self.coop_a.id, self.coop_b.id} <= set(stats.cooperative_id.ids))
        stats.read(["credits", "debits"])
        for model in ("jmsc.coop.member", "jmsc.coop.account", "jmsc.coop.transaction", "jmsc.coop.hold"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.provincial).search([])
        with self.assertRaises(AccessError):
            stats[:1].write({"net": 0})
        own = self.env["jmsc.coop.statistics"].with_user(self.staff_a).search([])
        self.assertEqual(set(own.cooperative_id.ids), {self.coop_a.id})

    def test_portal_sees_only_own_savings(self):
        own = self.account(self.member_portal)
        own._post("deposit", 42)
        accounts = self.env["jmsc.coop.account"].with_user(self.user_portal).search([])
        self.assertEqual(accounts, self.member_portal.account_ids)
        transactions = self.env["jmsc.coop.transaction"].with_user(self.user_portal).search([])
        self.assertEqual(transactions.account_id, own)
        self.assertEqual(accounts.with_user(self.user_portal).filtered(lambda a: a == own).available_balance, 42)
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.user_portal).read(["balance"])
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).post_transaction("deposit", 1)

    def test_cooperative_type_grants_staff_group(self):
        coop_type = self.env.ref("jmsc_base.agency_type_cooperative")
        self.assertIn(self.env.ref("jmsc_cooperative.group_coop_staff"), coop_type.group_ids)

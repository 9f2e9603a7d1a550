from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestTeller(CoopCommon):
    def test_teller_finds_member_by_number_nik_or_name(self):
        Teller = self.env["jmsc.coop.teller"].with_user(self.staff_a)
        for term in (self.member_2.number, "3212011203908002", "Budi Test"):
            with Form(Teller) as form:
                form.search_term = term
                self.assertEqual(form.member_id, self.member_2, term)
                self.assertEqual(form.account_id, self.account(self.member_2))
        with Form(Teller) as form:
            form.search_term = "Dewi Test Lestari"  # a member of the other cooperative
            self.assertFalse(form.member_id)

    def test_teller_deposit_and_withdrawal(self):
        with Form(self.env["jmsc.coop.teller"].with_user(self.staff_a)) as form:
            form.search_term = self.member_1.number
            form.amount = 80000
            form.channel = "remittance"
            form.source_country_id = self.env.ref("base.hk")
        teller = form.record
        teller.action_deposit()
        deposit = teller.last_transaction_id
        self.assertEqual((deposit.amount, deposit.channel), (80000, "remittance"))
        teller.amount = 30000
        teller.action_withdraw()
        self.assertEqual(self.account(self.member_1).balance, 50000)
        action = teller.action_print_statement()
        self.assertEqual(action["report_name"], "jmsc_cooperative.report_statement")
        other = (
            self.env["jmsc.coop.teller"]
            .with_user(self.staff_b)
            .create({"account_id": self.account(self.member_1).id, "amount": 10})
        )
        with self.assertRaises(AccessError):
            other.action_deposit()

    def test_new_product_opens_accounts(self):
        product = self.env["jmsc.coop.product"].create(
            {"name": "Simpanan Hari Raya", "code": "SHR", "cooperative_id": self.coop_a.id, "kind": "sukarela"}
        )
        self.assertTrue(self.account(self.member_1, "SHR"))
        self.assertEqual(self.account(self.member_1, "SHR").product_id, product)
        self.assertFalse(self.account(self.member_3, "SHR"))

import re

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestBoundaries(CoopCommon):
    """Issue #11: least privilege and tenant boundaries, per group, positive and negative."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_1 = cls.account(cls.member_1)
        cls.account_2 = cls.account(cls.member_2)
        cls.account_3 = cls.account(cls.member_3)
        cls.account_1._post("deposit", 500000)
        cls.account_3._post("deposit", 700000)
        regency = cls.env.ref("jmsc_base.regency_3212")
        cls.stranger = cls.env["res.partner"].create(
            {"name": "Rina Test Wulandari", "is_migrant": True, "nik": "3212016001958004", "regency_id": regency.id}
        )
        cls.manager_b = new_test_user(
            cls.env, login="coop_manager_b", groups="jmsc_cooperative.group_coop_manager", jmsc_agency_id=cls.coop_b.id
        )

    # migrants and NIK ---------------------------------------------------------------------------

    def test_staff_see_only_their_members_and_no_nik(self):
        Partner = self.env["res.partner"]
        for user, own in ((self.staff_a, self.coop_a), (self.manager_a, self.coop_a), (self.staff_b, self.coop_b)):
            migrants = Partner.with_user(user).search([("is_migrant", "=", True)])
            expected = self.env["jmsc.coop.member"].search([("cooperative_id", "=", own.id)]).partner_id
            self.assertEqual(migrants, expected.filtered("is_migrant"), user.login)
            self.assertNotIn(self.stranger, migrants)
            with self.assertRaises(AccessError):
                self.person_1.with_user(user).read(["nik"])
            with self.assertRaises(AccessError):
                self.member_1.with_user(user).read(["nik"])
        with self.assertRaises(AccessError):
            self.person_3.with_user(self.staff_a).read(["name"])
        self.assertFalse(self.staff_a.has_group("jmsc_base.group_jmsc_identity"))
        self.assertFalse(self.manager_a.has_group("jmsc_base.group_jmsc_user"))
        # balances: only their own cooperative's
        with self.assertRaises(AccessError):
            self.account_3.with_user(self.staff_a).read(["balance"])
        self.assertEqual(self.account_3.with_user(self.staff_b).balance, 700000)

    def test_teller_cannot_create_membership_of_a_hidden_migrant(self):
        Member = self.env["jmsc.coop.member"].with_user(self.staff_a)
        with self.assertRaises(AccessError):
            Member.create({"partner_id": self.stranger.id, "cooperative_id": self.coop_a.id})
        self.assertFalse(self.env["jmsc.coop.member"].search([("partner_id", "=", self.stranger.id)]))
        with self.assertRaises(AccessError):
            self.stranger.with_user(self.staff_a).read(["name"])

    def test_teller_opens_a_member_on_the_migrant_form(self):
        """The migrant form as the web client loads it: no field the teller may not read (NIK, documents)."""
        partner = self.env["res.partner"].with_user(self.staff_a)
        view = self.env.ref("jmsc_base.res_partner_view_form_migrant")
        arch = partner.get_views([(view.id, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="nik"', arch)
        names = set(re.findall(r'<field name="(\w+)"', arch)) & set(partner._fields)
        self.env.invalidate_all()  # nothing read earlier (as admin) may hide a missing right
        record = partner.browse(self.person_1.id).web_read({name: {} for name in names})[0]
        self.assertEqual(record["name"], self.person_1.name)

    def test_registration_by_nik_shows_a_minimal_card(self):
        wizard_form = Form(self.env["jmsc.coop.member.register"].with_user(self.staff_a))
        wizard_form.nik = "3212019999999999"
        self.assertFalse(wizard_form.match)
        wizard_form.nik = self.stranger.sudo().nik
        self.assertTrue(wizard_form.match)
        self.assertEqual(wizard_form.initials, "R. T. W.")
        wizard = wizard_form.save()
        action = wizard.action_register()
        member = self.env["jmsc.coop.member"].browse(action["res_id"])
        self.assertEqual((member.partner_id, member.cooperative_id), (self.stranger, self.coop_a))
        self.assertEqual(len(member.account_ids), 3)
        # now a member: the name is readable, the NIK still is not
        self.assertEqual(self.stranger.with_user(self.staff_a).name, "Rina Test Wulandari")
        with self.assertRaises(AccessError):
            self.stranger.with_user(self.staff_a).read(["nik"])
        # twice is refused, and so is a NIK that matches nobody
        again = self.env["jmsc.coop.member.register"].with_user(self.staff_a).create({"nik": self.stranger.sudo().nik})
        with self.assertRaisesRegex(UserError, member.number):
            again.action_register()
        nobody = self.env["jmsc.coop.member.register"].with_user(self.staff_a).create({"nik": "3212019999999999"})
        with self.assertRaises(UserError):
            nobody.action_register()
        # the other cooperative's teller registers into her own cooperative only
        theirs = self.env["jmsc.coop.member.register"].with_user(self.staff_b).create({"nik": self.stranger.sudo().nik})
        self.assertEqual(theirs.cooperative_id, self.coop_b)

    def test_membership_cannot_be_repointed(self):
        for user in (self.staff_a, self.manager_a):
            with self.assertRaisesRegex(UserError, "cannot change"):
                self.member_2.with_user(user).write({"partner_id": self.stranger.id})
            with self.assertRaisesRegex(UserError, "cannot change"):
                self.member_2.with_user(user).write({"cooperative_id": self.coop_b.id})
        self.assertEqual(self.member_2.partner_id, self.person_2)

    # write guards ------------------------------------------------------------------------------

    def test_state_fields_change_only_through_the_buttons(self):
        self.account_1.with_user(self.manager_a).action_block()
        for user in (self.staff_a, self.manager_a):
            with self.assertRaisesRegex(UserError, "Block"):
                self.account_1.with_user(user).write({"state": "active"})
            with self.assertRaisesRegex(UserError, "Resign"):
                self.member_2.with_user(user).write({"status": "deceased"})
        self.assertEqual(self.account_1.state, "blocked")
        self.assertEqual(self.member_2.status, "active")
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.staff_a).action_activate()
        with self.assertRaises(AccessError):
            self.member_2.with_user(self.staff_a).action_mark_deceased()
        with self.assertRaises(AccessError):
            self.account_3.with_user(self.manager_a).action_block()
        self.account_1.with_user(self.manager_a).action_activate()
        self.assertEqual(self.account_1.state, "active")

    def test_holds_change_state_only_through_release(self):
        hold = (
            self.env["jmsc.coop.hold"]
            .with_user(self.staff_a)
            .create({"account_id": self.account_1.id, "amount": 100000, "reason": "Jaminan"})
        )
        for user in (self.staff_a, self.manager_a):
            with self.assertRaisesRegex(UserError, "Release"):
                hold.with_user(user).write({"state": "released"})
        with self.assertRaises(AccessError):
            hold.with_user(self.staff_a).action_release()
        hold.with_user(self.manager_a).action_release()
        self.assertEqual(hold.state, "released")
        with self.assertRaisesRegex(UserError, "Release"):
            hold.with_user(self.manager_a).write({"state": "active"})
        with self.assertRaises(AccessError):
            self.env["jmsc.coop.hold"].with_user(self.staff_b).create(
                {"account_id": self.account_1.id, "amount": 1, "reason": "x"}
            )
        with self.assertRaisesRegex(UserError, r"Rp 500\.000"):
            self.env["jmsc.coop.hold"].create({"account_id": self.account_1.id, "amount": 600000, "reason": "x"})

    # tenant boundaries -------------------------------------------------------------------------------

    def test_shu_of_another_cooperative_is_refused(self):
        year = self.today.year
        wizard = (
            self.env["jmsc.coop.shu.wizard"]
            .with_user(self.manager_a)
            .create(
                {"cooperative_id": self.coop_b.id, "year": year, "amount": 100000, "product_id": self.sukarela_b.id}
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_preview()
        with self.assertRaises(AccessError):
            wizard.action_post()
        self.assertFalse(wizard.line_ids)
        self.assertFalse(self.env["jmsc.coop.shu.run"].search([("cooperative_id", "=", self.coop_b.id)]))
        mixed = (
            self.env["jmsc.coop.shu.wizard"]
            .with_user(self.manager_a)
            .create(
                {"cooperative_id": self.coop_a.id, "year": year, "amount": 100000, "product_id": self.sukarela_b.id}
            )
        )
        with self.assertRaises(AccessError):
            mixed.action_preview()
        own = (
            self.env["jmsc.coop.shu.wizard"]
            .with_user(self.manager_a)
            .create(
                {"cooperative_id": self.coop_a.id, "year": year, "amount": 100000, "product_id": self.sukarela_a.id}
            )
        )
        own.action_preview()
        self.assertEqual(own.line_ids.member_id.cooperative_id, self.coop_a)
        with self.assertRaises(AccessError):
            own.with_user(self.staff_a).action_post()

    def test_transfer_and_month_close_stay_in_the_cooperative(self):
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.manager_a).post_transaction(
                "transfer", 10, counterpart_account_id=self.account_3.id
            )
        last_month = self.today.replace(day=1) - relativedelta(months=1)
        with self.assertRaises(AccessError):
            self.env["jmsc.coop.period"].with_user(self.manager_a).create(
                {"cooperative_id": self.coop_b.id, "month": last_month}
            )
        with self.assertRaises(AccessError):
            self.env["jmsc.coop.period"].with_user(self.staff_a).create(
                {"cooperative_id": self.coop_a.id, "month": last_month}
            )
        for month in (self.today, self.today + relativedelta(months=1)):
            with self.assertRaisesRegex(ValidationError, "not ended"):
                self.env["jmsc.coop.period"].with_user(self.manager_a).create(
                    {"cooperative_id": self.coop_a.id, "month": month}
                )
        period = (
            self.env["jmsc.coop.period"]
            .with_user(self.manager_a)
            .create({"cooperative_id": self.coop_a.id, "month": last_month})
        )
        self.assertEqual(period.last_transaction_name, self.account_1.transaction_ids[:1].name)

    # idempotency namespace and numbering ------------------------------------------------------------

    def test_user_keys_cannot_reach_system_keys(self):
        year = self.today.year
        key = f"shu-{year}-{self.member_1.id}"
        transaction_id = self.account_1.with_user(self.staff_a).post_transaction("deposit", 1000, idempotency_key=key)
        run = self.env["jmsc.coop.shu.run"]._distribute(self.coop_a, year, 90000, "average_balance", self.sukarela_a)
        share = run.line_ids.filtered(lambda line: line.member_id == self.member_1).transaction_id
        self.assertTrue(share)
        self.assertNotEqual(share.id, transaction_id)
        self.assertEqual((share.system_key, share.idempotency_key), (key, False))
        self.assertEqual(sum(run.line_ids.mapped("share")), 90000)
        with self.assertRaises(UserError):
            self.env["jmsc.coop.transaction"].browse(transaction_id).with_user(self.manager_a).write(
                {"system_key": "x"}
            )
        # nor through the public entry point's options (closing and note stay with server code too)
        for option in ("system_key", "closing", "note"):
            with self.assertRaises(TypeError):
                self.account_1.with_user(self.manager_a).post_transaction("deposit", 1000, **{option: "x"})

    def test_transaction_numbers_have_no_gaps(self):
        first = self.account_2._post("deposit", 100)
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                self.account_2._post("withdrawal", 10**9)
        second = self.account_2._post("deposit", 100)
        other = self.account_3._post("deposit", 100)
        number = int(first.name.rsplit("/", 1)[1])
        self.assertEqual(second.name, first.name.rsplit("/", 1)[0] + f"/{number + 1:07d}")
        self.assertTrue(first.name.startswith(self.coop_a._coop_code() + "/TRX/"))
        self.assertTrue(other.name.startswith(self.coop_b._coop_code() + "/TRX/"))

    # journeys: rupiah, confirmation, no email needed ------------------------------------------------------

    def test_teller_deposit_confirmation_without_email(self):
        teller = new_test_user(
            self.env, login="coop_noemail", groups="jmsc_cooperative.group_coop_staff", jmsc_agency_id=self.coop_a.id
        )
        teller.email = False
        with Form(self.env["jmsc.coop.teller"].with_user(teller)) as form:
            form.search_term = self.member_2.number
            form.amount = 19400000
        teller_screen = form.record
        self.assertEqual(teller_screen.display_name, f"Teller: {self.member_2.display_name}")
        action = teller_screen.action_deposit()
        message = action["params"]["message"]
        self.assertIn("Rp 19.400.000", message)
        self.assertIn(teller_screen.last_transaction_id.name, message)
        self.assertNotIn("19400000.0", message)
        self.assertEqual(action["params"]["next"]["res_id"], teller_screen.id)
        self.assertEqual(teller_screen.last_message, message)
        # a manager without email ends a membership and changes an account's state
        manager = new_test_user(
            self.env,
            login="coop_noemail_mgr",
            groups="jmsc_cooperative.group_coop_manager",
            jmsc_agency_id=self.coop_a.id,
        )
        manager.email = False
        self.account_1.with_user(manager).action_block()
        self.account_1.with_user(manager).action_activate()
        self.member_2.with_user(manager).action_resign()
        self.assertEqual(self.member_2.status, "resigned")

    def test_money_in_messages_reads_as_rupiah(self):
        with self.assertRaisesRegex(UserError, r"Rp 500\.000 does not cover Rp 19\.400\.000"):
            self.account_1._post("withdrawal", 19400000)

from odoo.tests import HttpCase, tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestPortalAndTour(CoopCommon, HttpCase):
    def test_portal_member_sees_only_own_savings(self):
        own = self.account(self.member_portal)
        own._post("deposit", 4321)
        other = self.account(self.member_1)
        other._post("deposit", 999)
        self.authenticate(self.user_portal.login, self.user_portal.login)
        page = self.url_open("/my/savings")
        self.assertEqual(page.status_code, 200)
        self.assertIn(own.name, page.text)
        self.assertNotIn(other.name, page.text)
        self.assertNotIn("Siti Test Aminah", page.text)
        statement = self.url_open(f"/my/savings/{own.id}")
        self.assertEqual(statement.status_code, 200)
        self.assertIn("o_coop_portal_statement", statement.text)
        self.assertIn("Rp 4.321", statement.text)
        pdf = self.url_open(f"/my/savings/{own.id}?report_type=pdf")
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        forbidden = self.url_open(f"/my/savings/{other.id}")
        self.assertTrue(forbidden.url.endswith("/my/savings"))
        self.assertNotIn(other.name, forbidden.text)
        self.assertNotIn("Rp 999", forbidden.text, "the other member's balance")
        forbidden_pdf = self.url_open(f"/my/savings/{other.id}?report_type=pdf")
        self.assertNotEqual(forbidden_pdf.headers.get("Content-Type"), "application/pdf")
        self.assertIn("/my/savings", self.url_open("/my").text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["savings_count"]})
        self.assertEqual(counters["savings_count"], len(self.member_portal.account_ids))

    def test_teller_tour_deposit_confirm_print(self):
        """As the demo teller (coop_teller) from the landing page: find, deposit, confirmation, PDF, XLSX."""
        teller = self.env.ref("jmsc_cooperative.user_coop_teller_demo", raise_if_not_found=False)
        if not teller:
            teller = self._coop_user("coop_teller")
        teller.email = False  # contract 7: nothing may need the acting user's email address
        home = teller.groups_id.filtered("jmsc_home_action_id").sorted("jmsc_home_priority")[:1].jmsc_home_action_id
        self.assertEqual(home.id, self.env.ref("jmsc_cooperative.jmsc_coop_teller_action").id)
        partner = self.env["res.partner"].create({"name": "Tour Teller Member"})
        member = self.env["jmsc.coop.member"].create(
            {"partner_id": partner.id, "cooperative_id": teller.jmsc_agency_id.id}
        )
        self.start_tour(
            "/odoo/action-jmsc_cooperative.jmsc_coop_teller_action", "jmsc_cooperative_teller", login=teller.login
        )
        account = self.account(member)
        lines = account.transaction_ids.sorted("id")
        self.assertEqual(lines.mapped("transaction_type"), ["deposit"])
        self.assertEqual(lines.create_uid, teller)
        self.assertEqual(account.balance, 150000)

import re

from odoo.tests import HttpCase, tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestPublicPages(HttpCase, LtsaCommon):
    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _assert_no_personal_data(self, html):
        for secret in (self.migrant.name, self.migrant.nik, self.migrant_cirebon.name, self.migrant_cirebon.nik):
            self.assertNotIn(secret, html)

    def test_board_shows_ticket_codes_only(self):
        request = self._request(self.migrant, self.site, [self.service_ak1])
        request.action_confirm()
        self.desk_1.with_user(self.officer).action_call_next()
        code = self.desk_1.current_ticket_id.name
        token = self.site.board_token
        response = self.url_open(f"/jmsc/ltsa/{token}/board")
        self.assertEqual(response.status_code, 200)
        self.assertIn(code, response.text)
        self.assertIn(self.desk_1.name, response.text)
        self.assertIn('http-equiv="refresh"', response.text)
        self._assert_no_personal_data(response.text)
        data = self.url_open(f"/jmsc/ltsa/{token}/board.json").json()
        self.assertEqual(
            next(d for d in data["desks"] if d["desk"] == self.desk_1.name),
            {"desk": "T Desk 1", "ticket": code, "state": "called"},
        )
        self._assert_no_personal_data(str(data))
        self.assertEqual(self.url_open("/jmsc/ltsa/not-a-token/board").status_code, 404)
        self.assertEqual(self.url_open(f"/jmsc/ltsa/{self.site.kiosk_token}/board").status_code, 404)

    def test_pages_are_html_documents_in_indonesian_time(self):
        for url in (f"/jmsc/ltsa/{self.site.board_token}/board", f"/jmsc/ltsa/{self.site_cirebon.kiosk_token}/kiosk"):
            page = self.url_open(url)
            self.assertTrue(page.text.lstrip().startswith("<!DOCTYPE html>"), page.text[:80])
            self.assertNotIn("&lt;!DOCTYPE", page.text)
            self.assertIn(self.site._local_now().strftime("%H:"), page.text)
            self.assertIn("WIB", page.text)

    def _kiosk_csrf(self, token):
        page = self.url_open(f"/jmsc/ltsa/{token}/kiosk")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_board_token_issues_nothing(self):
        board_token = self.site_cirebon.board_token
        csrf = self._kiosk_csrf(self.site_cirebon.kiosk_token)
        self.assertEqual(self.url_open(f"/jmsc/ltsa/{board_token}/kiosk").status_code, 404)
        refused = self.url_open(
            f"/jmsc/ltsa/{board_token}/kiosk/issue", data={"csrf_token": csrf, "category_id": self.cat_a.id}
        )
        self.assertEqual(refused.status_code, 404)
        self.assertEqual(self.env["jmsc.ltsa.ticket"].search_count([("site_id", "=", self.site_cirebon.id)]), 0)

    def test_kiosk_rate_limit_per_client(self):
        self.site_cirebon.kiosk_client_limit = 3
        token = self.site_cirebon.kiosk_token
        csrf = self._kiosk_csrf(token)
        statuses = [
            self.url_open(
                f"/jmsc/ltsa/{token}/kiosk/issue", data={"csrf_token": csrf, "category_id": self.cat_a.id}
            ).status_code
            for _i in range(5)
        ]
        self.assertEqual(statuses, [200, 200, 200, 429, 429])
        refused = self.url_open(
            f"/jmsc/ltsa/{token}/kiosk/issue", data={"csrf_token": csrf, "category_id": self.cat_a.id}
        )
        self.assertIn("tunggu", refused.text.lower())
        self.assertEqual(self.env["jmsc.ltsa.ticket"].search_count([("site_id", "=", self.site_cirebon.id)]), 3)

    def test_kiosk_daily_cap(self):
        self.site_cirebon.daily_cap = 1
        token = self.site_cirebon.kiosk_token
        csrf = self._kiosk_csrf(token)
        data = {"csrf_token": csrf, "category_id": self.cat_a.id}
        self.assertEqual(self.url_open(f"/jmsc/ltsa/{token}/kiosk/issue", data=data).status_code, 200)
        full = self.url_open(f"/jmsc/ltsa/{token}/kiosk/issue", data=data)
        self.assertEqual(full.status_code, 429)
        self.assertIn("penuh", full.text)

    def test_public_kiosk_issues_a_ticket(self):
        token = self.site_cirebon.kiosk_token
        page = self.url_open(f"/jmsc/ltsa/{token}/kiosk")
        self.assertEqual(page.status_code, 200)
        self.assertIn("TA - Test registration", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        issued = self.url_open(
            f"/jmsc/ltsa/{token}/kiosk/issue",
            data={"csrf_token": csrf, "category_id": self.cat_a.id, "priority": "elderly"},
        )
        self.assertEqual(issued.status_code, 200)
        self.assertIn("TA-001", issued.text)
        self._assert_no_personal_data(issued.text)
        ticket = self.env["jmsc.ltsa.ticket"].search([("site_id", "=", self.site_cirebon.id)])
        self.assertEqual((ticket.name, ticket.priority), ("TA-001", "elderly"))
        receipt = re.search(r'href="(/jmsc/ltsa/[^"]+/receipt/[^"]+)"', issued.text).group(1)
        self.assertEqual(self.url_open(receipt).status_code, 200)
        self.assertEqual(self.url_open(receipt[:-3] + "bad").status_code, 404)
        # Without the CSRF token the form is refused.
        refused = self.url_open(f"/jmsc/ltsa/{token}/kiosk/issue", data={"category_id": self.cat_a.id})
        self.assertEqual(refused.status_code, 400)
        self.assertEqual(self.env["jmsc.ltsa.ticket"].search_count([("site_id", "=", self.site_cirebon.id)]), 1)

    def test_officer_kiosk_needs_a_login(self):
        token = self.site.kiosk_token
        response = self.url_open(f"/jmsc/ltsa/{token}/kiosk", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("ltsa_t_officer", "ltsa_t_officer")
        page = self.url_open(f"/jmsc/ltsa/{token}/kiosk")
        self.assertIn("TA - Test registration", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        issued = self.url_open(
            f"/jmsc/ltsa/{token}/kiosk/issue", data={"csrf_token": csrf, "category_id": self.cat_a.id}
        )
        self.assertIn("TA-001", issued.text)

    def test_portal_migrant_sees_own_requests(self):
        # A migrant's portal account needs her consent to portal access (UU PDP).
        self.env["jmsc.consent"].create({"partner_id": self.migrant.id, "purpose": "portal"})
        portal = self.env["res.users"].create(
            {
                "name": "Sari portal",
                "login": "ltsa_t_portal",
                "password": "ltsa_t_portal",
                "partner_id": self.migrant.id,
                "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        own = self._request(self.migrant, self.site, [self.service_ak1])
        own.action_confirm()
        other = self._request(self.migrant_cirebon, self.site_cirebon, [self.service_ak1])
        self.authenticate(portal.login, portal.login)
        listing = self.url_open("/my/ltsa")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(own.name, listing.text)
        self.assertNotIn(other.name, listing.text)
        detail = self.url_open(f"/my/ltsa/{own.id}")
        self.assertIn(self.service_ak1.name, detail.text)
        denied = self.url_open(f"/my/ltsa/{other.id}", allow_redirects=False)
        self.assertEqual(denied.status_code, 303)

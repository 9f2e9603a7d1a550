import re

from odoo.addons.jmsc_base.tests.common import JmscTourCase
from odoo.tests import tagged

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestComplaintForm(JmscTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The public pages speak Bahasa Indonesia (issue #12), whatever the visitor's browser says.
        cls._activate_indonesian("jmsc_helpdesk")
        # Each test stays under the per-client limit; TestComplaintAbuse checks the limits themselves.
        cls.env["ir.config_parameter"].set_param("jmsc_helpdesk.complaint_limit_client", "1000")
        cls.category = cls.env.ref("jmsc_helpdesk.case_type_wages")
        cls.country = cls.env.ref("base.sa")
        cls.Ticket = cls.env["helpdesk.ticket"]

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)
        # Hits counted by earlier runs on this database (same client address) do not count here.
        self.env["jmsc.rate.limit"].sudo().search([("key", "like", "complaint:%")]).unlink()

    def _csrf(self):
        response = self.url_open("/jmsc/complaint")
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def _post(self, files=None, **overrides):
        data = {
            "csrf_token": self._csrf(),
            "name": "Ibu Tarsih",
            "contact": "0812 9999 0000",
            "migrant_name": "Wati Test Rahayu",
            "country_id": str(self.country.id),
            "category_id": str(self.category.id),
            "description": "My daughter has not been paid for four months.",
        }
        data.update(overrides)
        return self.url_open("/jmsc/complaint", data=data, files=files)

    def _tickets(self):
        return self.Ticket.search([("jmsc_subject_name", "=", "Wati Test Rahayu")])

    def test_valid_submission_returns_tracking_code(self):
        response = self._post(files={"attachment": ("contract.pdf", PDF, "application/pdf")})
        self.assertEqual(response.status_code, 200)
        code = re.search(r'class="o_jmsc_tracking_code">([^<]+)<', response.text).group(1)
        ticket = self.Ticket.search([("jmsc_tracking_code", "=", code)])
        self.assertEqual(ticket, self._tickets())
        self.assertGreaterEqual(len(code), 16)
        self.assertEqual(ticket.category_id, self.category)
        self.assertEqual(ticket.jmsc_country_id, self.country)
        self.assertEqual(ticket.jmsc_caller_type, "family")
        self.assertEqual(ticket.channel_id, self.env.ref("jmsc_helpdesk.channel_web_form"))
        self.assertEqual(ticket.team_id, self.category.jmsc_default_team_id)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")

    def test_missing_field_is_refused(self):
        response = self._post(migrant_name="")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Nama Pekerja Migran", response.text)
        self.assertFalse(self.Ticket.search([("jmsc_caller_name", "=", "Ibu Tarsih")]))

    def test_unknown_case_type_is_refused(self):
        hidden = self.env.ref("jmsc_helpdesk.case_type_info").copy({"name": "Hidden", "show_in_portal": False})
        not_jmsc = self.env["helpdesk.ticket.category"].create({"name": "Printer broken"})
        for category_id in ("999999", "abc", str(hidden.id), str(not_jmsc.id)):
            response = self._post(category_id=category_id)
            self.assertEqual(response.status_code, 400, category_id)
            self.assertIn("o_jmsc_complaint_error", response.text)
        self.assertFalse(self._tickets())
        form = self.url_open("/jmsc/complaint").text
        offered = re.search(r'<select id="category_id".*?</select>', form, re.S).group(0)
        self.assertIn(f'value="{self.category.id}"', offered)
        self.assertNotIn(f'value="{not_jmsc.id}"', offered)
        self.assertNotIn(f'value="{hidden.id}"', offered)

    def test_without_csrf_token_is_refused(self):
        response = self.url_open(
            "/jmsc/complaint",
            data={"name": "x", "contact": "x", "migrant_name": "Wati Test Rahayu", "description": "x"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._tickets())

    def test_oversized_attachment_is_refused(self):
        big = PDF + b"0" * (5 * 1024 * 1024)
        response = self._post(files={"attachment": ("big.pdf", big, "application/pdf")})
        self.assertEqual(response.status_code, 400)
        self.assertIn("lebih besar dari 5 MB", response.text)
        self.assertFalse(self._tickets())

    def test_forbidden_attachment_types_are_refused(self):
        for name, content in (
            ("notes.txt", b"plain text"),
            ("photo.png", b"<html><script>alert(1)</script></html>"),
            ("photo.exe", PNG),
        ):
            response = self._post(files={"attachment": (name, content, "image/png")})
            self.assertEqual(response.status_code, 400, name)
            self.assertIn("harus berupa berkas PDF, JPG, atau PNG", response.text, name)
        self.assertFalse(self._tickets())
        response = self._post(files={"attachment": ("photo.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 200)

    def test_script_payload_is_stored_and_shown_as_text(self):
        payload = "<script>alert('pwned')</script>"
        response = self._post(name="", description=payload)
        self.assertEqual(response.status_code, 400)
        self.assertNotIn(payload, response.text)
        self.assertIn("&lt;script&gt;alert(", response.text)
        self._post(description=payload)
        ticket = self._tickets()
        self.assertNotIn("<script", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description)

    def test_status_with_good_and_bad_code(self):
        response = self._post()
        code = re.search(r'class="o_jmsc_tracking_code">([^<]+)<', response.text).group(1)
        ticket = self._tickets()
        response = self.url_open(f"/jmsc/complaint/status?code={code}")
        self.assertIn("Diterima, menunggu diperiksa petugas", response.text)
        ticket.action_jmsc_accept_complaint()
        ticket.write(
            {
                "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").id,
                "jmsc_public_update": "We have contacted BP3MI.",
            }
        )
        # Typed on a phone: lower case, spaces instead of dashes.
        response = self.url_open(f"/jmsc/complaint/status?code={code.lower().replace('-', '+')}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Sedang ditangani petugas", response.text)
        self.assertIn("Status laporan Anda", response.text)
        for english in ("Status:", "In Progress", "Tracking code"):
            self.assertNotIn(english, response.text)
        self.assertIn("We have contacted BP3MI.", response.text)
        for personal in ("Wati Test Rahayu", "Ibu Tarsih", "0812 9999 0000", "four months", ticket.number):
            self.assertNotIn(personal, response.text)
        response = self.url_open("/jmsc/complaint/status?code=not-a-real-code")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Sedang ditangani", response.text)
        self.assertIn("Tidak ada laporan dengan kode pelacakan ini", response.text)

    def test_form_shows_every_field_in_indonesian(self):
        response = self.url_open("/jmsc/complaint")
        self.assertEqual(response.status_code, 200)
        html = response.text
        # The description box is a real, closed text area (an empty <textarea/> swallows the rest of the page).
        self.assertRegex(html, r'<textarea id="description"[^>]*></textarea>')
        self.assertLess(html.index("</textarea>"), html.index('type="submit"'))
        for text in ("Apa yang terjadi?", "Nama Pekerja Migran", "Kirim"):
            self.assertIn(text, html)
        self.assertNotIn("What happened?", html)
        # The description typed before an error comes back in the box.
        response = self._post(name="", description="Gaji belum dibayar & majikan <hilang>")
        self.assertIn("Gaji belum dibayar &amp; majikan &lt;hilang&gt;</textarea>", response.text)

    def test_honeypot_post_is_dropped_silently(self):
        response = self._post(website_url="http://spam.example.com")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_jmsc_tracking_code", response.text)
        self.assertFalse(self._tickets())

    def test_web_complaint_waits_for_moderation(self):
        response = self._post()
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(ticket.stage_id, self.env.ref("jmsc_helpdesk.stage_moderation"))
        self.assertFalse(ticket.jmsc_sla_start or ticket.jmsc_resolution_deadline, "no SLA clock before acceptance")
        self.assertFalse(ticket.user_id, "not assigned to the public user")

    def test_too_many_posts_from_one_client_get_429(self):
        self.env["ir.config_parameter"].set_param("jmsc_helpdesk.complaint_limit_client", "2")
        statuses = [self._post(migrant_name=f"Wati Test Rahayu {i}").status_code for i in range(4)]
        self.assertEqual(statuses, [200, 200, 429, 429])
        self.assertEqual(self.Ticket.search_count([("jmsc_subject_name", "like", "Wati Test Rahayu %")]), 2)
        response = self._post()
        self.assertIn("Terlalu banyak laporan telah dikirim dari koneksi Anda", response.text)

    def test_daily_cap_for_every_client(self):
        self.env["ir.config_parameter"].set_param("jmsc_helpdesk.complaint_limit_global", "1")
        self.assertEqual(self._post().status_code, 200)
        response = self._post(migrant_name="Another Test Migrant")
        self.assertEqual(response.status_code, 429)
        self.assertIn("terlalu banyak laporan hari ini", response.text)
        self.assertEqual(len(self._tickets()), 1)

import re

from odoo.tests import HttpCase, tagged

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestComplaintForm(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The pages are checked in English (the anonymous session's language), whatever the database has.
        cls.env["res.lang"]._activate_lang("en_US")
        cls.category = cls.env.ref("jmsc_helpdesk.case_type_wages")
        cls.country = cls.env.ref("base.sa")
        cls.Ticket = cls.env["helpdesk.ticket"]

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

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
        self.assertIn("Name of the migrant worker", response.text)
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
        self.assertIn("larger than 5 MB", response.text)
        self.assertFalse(self._tickets())

    def test_forbidden_attachment_types_are_refused(self):
        for name, content in (
            ("notes.txt", b"plain text"),
            ("photo.png", b"<html><script>alert(1)</script></html>"),
            ("photo.exe", PNG),
        ):
            response = self._post(files={"attachment": (name, content, "image/png")})
            self.assertEqual(response.status_code, 400, name)
            self.assertIn("must be a PDF, JPG or PNG file", response.text, name)
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
        ticket.write(
            {
                "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").id,
                "jmsc_public_update": "We have contacted BP3MI.",
            }
        )
        response = self.url_open(f"/jmsc/complaint/status?code={code}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("In Progress", response.text)
        self.assertIn("We have contacted BP3MI.", response.text)
        for personal in ("Wati Test Rahayu", "Ibu Tarsih", "0812 9999 0000", "four months", ticket.number):
            self.assertNotIn(personal, response.text)
        response = self.url_open("/jmsc/complaint/status?code=not-a-real-code")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("In Progress", response.text)
        self.assertIn("No report matches", response.text)

import secrets

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestPublicRoute(HttpCase, CertificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.certificate = cls._issue_certificate(cls.migrant_1)
        cls.revoked = cls._issue_certificate(cls.migrant_1, scheme=cls.scheme_b)
        cls.revoked._change_status("revoked", "Fraudulent evidence")
        cls.expired = cls._issue_certificate(cls.migrant_2, issue_date=cls.today - relativedelta(years=3, days=5))
        cls.env["jmsc.cert.certificate"]._cron_update_status()

    def setUp(self):
        super().setUp()
        self.env["jmsc.rate.limit"].sudo().search([]).unlink()  # every test starts under the limit

    def _open(self, token):
        self.authenticate(None, None)
        return self.url_open(f"/jmsc/certificate/{token}")

    def assertNoPersonalData(self, html):
        partner = self.migrant_1
        for secret in (
            partner.nik,
            partner.street,
            "1995-06-05",
            "05/06/1995",
            "Rahayu",
            "Siti Rahayu",
            str(partner.id),
            "id_number",
        ):
            self.assertNotIn(secret, html)

    def test_valid_certificate(self):
        response = self._open(self.certificate.token)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn("Si** Ra****", html)
        self.assertIn(self.certificate.name, html)
        self.assertIn("Test Caregiver", html)
        self.assertIn(str(self.certificate.expiry_date), html)
        self.assertIn("status-valid", html)
        self.assertNoPersonalData(html)
        self.assertIn("noindex", response.headers.get("X-Robots-Tag", ""))

    def test_revoked_and_expired_certificates(self):
        response = self._open(self.revoked.token)
        self.assertEqual(response.status_code, 200)
        self.assertIn("status-revoked", response.text)
        self.assertNotIn("Fraudulent", response.text)
        self.assertNoPersonalData(response.text)
        response = self._open(self.expired.token)
        self.assertEqual(response.status_code, 200)
        self.assertIn("status-expired", response.text)
        self.assertNotIn(self.migrant_2.nik, response.text)

    def test_unknown_token_and_number_look_the_same(self):
        unknown = self._open(secrets.token_urlsafe(24))
        by_number = self._open(self.certificate.name.replace("/", "-"))
        by_id = self._open(str(self.certificate.id))
        for response in (unknown, by_number, by_id):
            self.assertEqual(response.status_code, 404)
            self.assertIn('class="not-found"', response.text)
            self.assertNotIn(self.certificate.name, response.text)
        self.assertEqual(unknown.text, by_number.text)
        self.assertEqual(unknown.text, by_id.text)

    def test_portal_lists_and_downloads_own_certificates(self):
        other = self._issue_certificate(self.migrant_2)
        self.authenticate("cert_portal", "cert_portal")
        response = self.url_open("/my/certificates")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.certificate.name, response.text)
        self.assertNotIn(other.name, response.text)
        response = self.url_open(f"/my/certificates/{self.certificate.id}?download=1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        response = self.url_open(f"/my/certificates/{other.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("application/pdf", response.headers.get("Content-Type", ""))

    def test_burst_gets_429(self):
        statuses = {self._open(f"burst-{i:03d}-0123456789abcdefghij").status_code for i in range(35)}
        self.assertEqual(statuses, {404, 429})

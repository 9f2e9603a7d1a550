from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestCertificate(CertificationCommon):
    def _activities(self, certificate):
        activity_type = self.env.ref("jmsc_certification.mail_activity_type_certificate_expiry")
        return certificate.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_number_pattern_and_dates(self):
        certificate = self._issue_certificate(self.migrant_2, issue_date="2026-03-01")
        self.assertEqual(certificate.name, "TCG/2026/00001")
        self.assertEqual(str(certificate.expiry_date), "2029-02-28")
        self.assertTrue(certificate.registration_number.startswith("REG.2026."))
        self.assertGreaterEqual(len(certificate.token), 32)
        self.assertNotIn(certificate.name, certificate.token)

    def test_repeated_issuing_never_duplicates(self):
        certificates = self.env["jmsc.cert.certificate"]
        for _i in range(12):
            certificates |= self._issue_certificate(self.migrant_2, issue_date="2026-05-01")
        certificates |= self.env["jmsc.cert.certificate"].create(
            [{"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id, "issue_date": "2026-05-02"}] * 5
        )
        numbers = certificates.mapped("name")
        self.assertEqual(len(set(numbers)), 17)
        self.assertEqual(len(set(certificates.mapped("token"))), 17)
        self.assertEqual(len(set(certificates.mapped("registration_number"))), 17)
        self.assertEqual(sorted(numbers)[-1], "TCG/2026/00017")

        # A sequence reset by hand skips the numbers already issued instead of duplicating them.
        sequence = self.env["ir.sequence"].search([("code", "=", f"jmsc.cert.certificate.{self.scheme_a.id}.2026")])
        self.assertEqual(len(sequence), 1)
        sequence.number_next = 3
        again = self._issue_certificate(self.migrant_2, issue_date="2026-06-01")
        self.assertEqual(again.name, "TCG/2026/00018")

        # Each year has its own sequence, and another scheme its own numbers.
        self.assertEqual(self._issue_certificate(self.migrant_2, issue_date="2027-01-02").name, "TCG/2027/00001")
        self.assertEqual(
            self._issue_certificate(self.migrant_2, scheme=self.scheme_b, issue_date="2026-01-02").name,
            "TWD/2026/00001",
        )

    def test_number_pattern_is_validated(self):
        with self.assertRaisesRegex(Exception, "must contain"):
            self.scheme_a.number_pattern = "{code}/{seq}"
        with self.assertRaisesRegex(Exception, "must contain"):
            self.scheme_a.number_pattern = "{code.__class__}/{year}/{seq}"
        self.scheme_a.number_pattern = "LSP-CG/{seq}/BNSP/{year}"
        self.assertEqual(
            self._issue_certificate(self.migrant_2, issue_date="2026-01-05").name, "LSP-CG/00001/BNSP/2026"
        )

    def test_issued_certificate_is_immutable(self):
        certificate = self._issue_certificate(self.migrant_2)
        for vals in (
            {"name": "FAKE/1"},
            {"state": "valid"},
            {"expiry_date": "2099-01-01"},
            {"partner_id": self.migrant_1.id},
            {"token": "guessable"},
        ):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                certificate.write(vals)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            certificate.unlink()
        with self.assertRaises(UserError):
            certificate.copy()
        # Non-business fields stay editable.
        certificate.user_id = self.user_manager
        self.assertEqual(certificate.user_id, self.user_manager)

    def test_revocation_needs_reason_and_is_tracked(self):
        certificate = self._issue_certificate(self.migrant_2)
        action = certificate.with_context(new_state="revoked").action_open_status_wizard()
        wizard_form = Form(self.env["jmsc.cert.status.wizard"].with_context(**action["context"]))
        self.assertEqual(wizard_form.new_state, "revoked")
        wizard_form.reason = "   "
        wizard = wizard_form.save()
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_apply()
        wizard.reason = "Fraudulent portfolio evidence"
        wizard.action_apply()
        self.assertEqual(certificate.state, "revoked")
        self.assertEqual(certificate.status_reason, "Fraudulent portfolio evidence")
        self.assertEqual(certificate.status_date, self.today)
        self.assertIn("Fraudulent portfolio evidence", certificate.message_ids[0].body)
        self.assertTrue(certificate._fields["state"].tracking)
        with self.assertRaisesRegex(UserError, "cannot become"):
            certificate._change_status("suspended", "again")
        with self.assertRaises(UserError):
            certificate.action_recertify()

    def test_suspend_and_reinstate(self):
        certificate = self._issue_certificate(self.migrant_2)
        certificate._change_status("suspended", "Under investigation")
        self.assertEqual(certificate.state, "suspended")
        certificate._change_status("valid", "Investigation closed")
        self.assertEqual(certificate.state, "valid")
        # Reinstating a certificate whose validity has passed makes it expired.
        old = self._issue_certificate(self.migrant_2, issue_date=self.today - relativedelta(years=3, days=2))
        old._change_status("suspended", "Check")
        old._change_status("valid", "Checked")
        self.assertEqual(old.state, "expired")

    def test_recertification_links_the_old_certificate(self):
        old = self._issue_certificate(self.migrant_2, issue_date=self.today - relativedelta(years=3, days=2))
        self.env["jmsc.cert.certificate"]._cron_update_status()
        self.assertEqual(old.state, "expired")
        action = old.action_recertify()
        renewal = self.env["jmsc.cert.certificate"].browse(action["res_id"])
        self.assertEqual(renewal.previous_certificate_id, old)
        self.assertEqual(old.renewal_ids, renewal)
        self.assertEqual(renewal.issue_date, self.today)
        self.assertEqual(renewal.state, "valid")
        self.assertNotEqual(renewal.name, old.name)
        self.assertNotEqual(renewal.token, old.token)
        with self.assertRaisesRegex(UserError, "already renewed"):
            old.action_recertify()

    def test_expiry_and_reminders(self):
        certificate = self._issue_certificate(self.migrant_2, issue_date="2026-01-01")
        expiry = certificate.expiry_date
        cron = self.env["jmsc.cert.certificate"]._cron_update_status

        with freeze_time(expiry - timedelta(days=120)):
            cron()
        self.assertEqual(certificate.state, "valid")
        self.assertFalse(self._activities(certificate))

        with freeze_time(expiry - timedelta(days=85)):
            cron()
            cron()
        self.assertEqual(certificate.state, "expiring")
        self.assertEqual(len(self._activities(certificate)), 1)
        self.assertEqual(certificate.expiry_reminder_level, 90)

        with freeze_time(expiry - timedelta(days=60)):
            cron()
        self.assertEqual(len(self._activities(certificate)), 1)

        with freeze_time(expiry - timedelta(days=25)):
            cron()
            cron()
        self.assertEqual(len(self._activities(certificate)), 2)
        self.assertEqual(certificate.expiry_reminder_level, 30)
        self.assertEqual(self._activities(certificate).user_id, self.env.user)

        with freeze_time(expiry):
            cron()
        self.assertEqual(certificate.state, "expiring")
        with freeze_time(expiry + timedelta(days=1)):
            cron()
        self.assertEqual(certificate.state, "expired")
        self.assertEqual(len(self._activities(certificate)), 2)

    def test_late_discovery_raises_only_the_30_day_reminder(self):
        certificate = self._issue_certificate(self.migrant_2, issue_date="2026-01-01")
        with freeze_time(certificate.expiry_date - timedelta(days=10)):
            self.env["jmsc.cert.certificate"]._cron_update_status()
            self.env["jmsc.cert.certificate"]._cron_update_status()
        self.assertEqual(len(self._activities(certificate)), 1)
        self.assertEqual(certificate.expiry_reminder_level, 30)

    def test_suspended_and_revoked_are_left_alone_by_the_cron(self):
        certificate = self._issue_certificate(self.migrant_2, issue_date=self.today - relativedelta(years=3, days=2))
        certificate._change_status("revoked", "Fraud")
        self.env["jmsc.cert.certificate"]._cron_update_status()
        self.assertEqual(certificate.state, "revoked")
        self.assertFalse(self._activities(certificate))

    def test_profile_lists_certificates(self):
        certificate = self._issue_certificate(self.migrant_1)
        self.assertEqual(self.migrant_1.jmsc_cert_certificate_ids, certificate)
        view = self.env.ref("jmsc_certification.res_partner_view_form_migrant")
        # A smart button on the migrant form hub (contract 6), with a count.
        self.assertIn("action_view_jmsc_cert_certificates", view.arch)
        self.assertEqual(self.migrant_1.jmsc_cert_certificate_count, 1)
        action = self.migrant_1.action_view_jmsc_cert_certificates()
        self.assertEqual(self.env["jmsc.cert.certificate"].search(action["domain"]), certificate)

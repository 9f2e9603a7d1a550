from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestGuards(CertificationCommon):
    """Least privilege on migrants and write guards (issue 11), for LSP staff and assessors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.application = cls._documented_application(cls.migrant_1)
        cls.stranger = cls.env["res.partner"].create(
            {
                "name": "Dewi Kartika",
                "is_migrant": True,
                "nik": "3212015506954009",
                "regency_id": cls.regency_indramayu.id,
            }
        )
        (cls.user_staff_a | cls.user_assessor).partner_id.email = False

    def test_lsp_staff_and_assessor_see_only_their_candidates(self):
        migrants = self.migrant_1 | self.migrant_2 | self.stranger
        for user in (self.user_staff_a, self.user_assessor):
            visible = self.env["res.partner"].with_user(user).search([("id", "in", migrants.ids)])
            self.assertEqual(visible, self.migrant_1, f"{user.login} sees only the candidate of their LSP/assessment")
            self.assertEqual(self.migrant_1.with_user(user).name, "Siti Rahayu")
            with self.assertRaises(AccessError):
                self.migrant_1.with_user(user).read(["nik"])
            with self.assertRaises(AccessError):
                self.migrant_1.with_user(user).write({"name": "Changed"})
            self.assertFalse(
                self.env["res.partner.id_number"].with_user(user).search([("partner_id", "in", migrants.ids)]),
                "no identity documents",
            )
        for user in (self.user_staff_b, self.user_assessor_b):
            self.assertFalse(self.env["res.partner"].with_user(user).search([("id", "in", migrants.ids)]))

    def test_checklist_still_works_without_reading_documents(self):
        application = self.application.with_user(self.user_staff_a)
        self.assertTrue(application.is_eligible)
        self.assertIn("✔", application.checklist_html)

    def test_application_state_only_through_buttons(self):
        application = self.application.with_user(self.user_staff_a)
        for vals in ({"state": "certified"}, {"attempt": 5}, {"verified_by_id": self.user_staff_a.id}):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                application.write(vals)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            application.write({"partner_id": self.migrant_2.id})
        with self.assertRaisesRegex(UserError, "starts as a draft"):
            self.env["jmsc.cert.application"].with_user(self.user_staff_a).create(
                {"partner_id": self.migrant_1.id, "scheme_id": self.scheme_a.id, "state": "assessed"}
            )
        # Assessors do not move applications.
        with self.assertRaises(AccessError):
            self.application.with_user(self.user_assessor).action_withdraw()
        self.assertEqual(self.application.state, "scheduled")

    def test_event_and_result_guards(self):
        with self.assertRaisesRegex(UserError, "only through"):
            self.event_a.with_user(self.user_staff_a).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.user_assessor).action_confirm()
        self.event_a.with_user(self.user_staff_a).action_confirm()
        self.assertEqual(self.event_a.state, "confirmed")
        line = self.application.result_ids[:1]
        with self.assertRaises(AccessError):
            line.with_user(self.user_staff_a).write({"attempt": 3})
        with self.assertRaisesRegex(UserError, "without a verdict"):
            self.env["jmsc.cert.result"].with_user(self.user_staff_a).create(
                {
                    "application_id": self.application.id,
                    "unit_id": self.unit_1.id,
                    "event_id": self.event_a.id,
                    "attempt": 2,
                    "verdict": "k",
                }
            )
        # The assessor records K and BK; an assessor without email is no problem.
        results = self.application.result_ids.with_user(self.user_assessor)
        results[0].action_set_competent()
        results[1].action_set_not_competent()
        results[2].action_set_competent()
        self.event_a.with_user(self.user_staff_a).action_done()
        self.assertEqual(self.application.state, "assessed")
        self.assertEqual(self.application.result, "not_competent")

    def test_no_forged_certificate(self):
        """Even a certification manager cannot create a certificate for someone never assessed competent."""
        Certificate = self.env["jmsc.cert.certificate"].with_user(self.user_manager)
        with self.assertRaisesRegex(UserError, "issued only from an assessed application"):
            Certificate.create({"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id})
        with self.assertRaisesRegex(UserError, "issued only from an assessed application"):
            Certificate.create(
                {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id, "application_id": self.application.id}
            )
        certificate = self._issue_certificate(self.migrant_1)
        for vals in ({"token": "forged"}, {"state": "valid"}, {"name": "TCG/FORGED"}, {"expiry_date": "2099-01-01"}):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                certificate.with_user(self.user_manager).write(vals)
        # The legitimate path issues it, with the manager's status note logged without an email.
        self.user_manager.partner_id.email = False
        certificate.with_user(self.user_manager)._change_status("suspended", "Investigation")
        self.assertEqual(certificate.state, "suspended")
        self.assertEqual(certificate.message_ids[:1].author_id, self.env.ref("base.partner_root"))

    def test_apply_by_nik(self):
        Wizard = self.env["jmsc.cert.apply.wizard"].with_user(self.user_staff_a)
        with self.assertRaisesRegex(AccessError, "Apply by NIK"):
            self.env["jmsc.cert.application"].with_user(self.user_staff_a).create(
                {"partner_id": self.stranger.id, "scheme_id": self.scheme_a.id}
            )
        form = Form(Wizard)
        form.scheme_id = self.scheme_a
        form.nik = self.stranger.nik
        self.assertTrue(form.match)
        self.assertEqual(form.initials, "D. K.")
        action = form.save().action_apply()
        application = self.env["jmsc.cert.application"].browse(action["res_id"])
        self.assertEqual((application.partner_id, application.state), (self.stranger, "draft"))
        self.assertEqual(self.stranger.with_user(self.user_staff_a).name, "Dewi Kartika")
        with self.assertRaises(AccessError):
            self.stranger.with_user(self.user_staff_a).read(["nik"])
        # Staff of another LSP cannot apply to this LSP's scheme.
        with self.assertRaises(AccessError):
            self.env["jmsc.cert.apply.wizard"].with_user(self.user_staff_b).create(
                {"scheme_id": self.scheme_a.id, "nik": self.migrant_2.nik}
            ).action_apply()

    def test_landing_pages_and_smart_button(self):
        self.assertEqual(
            self.env.ref("jmsc_certification.group_cert_lsp_staff").jmsc_home_action_id.id,
            self.env.ref("jmsc_certification.jmsc_cert_application_action").id,
        )
        self.assertEqual(
            self.env.ref("jmsc_certification.group_cert_assessor").jmsc_home_action_id.id,
            self.env.ref("jmsc_certification.jmsc_cert_event_action").id,
        )
        self._issue_certificate(self.migrant_1)
        self.assertEqual(self.migrant_1.with_user(self.user_staff_a).jmsc_cert_certificate_count, 1)
        self.assertEqual(self.migrant_1.with_user(self.user_officer).jmsc_cert_certificate_count, 1)

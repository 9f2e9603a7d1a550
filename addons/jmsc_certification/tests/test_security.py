from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestSecurity(CertificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.application_a = cls._documented_application(cls.migrant_1)
        cls.application_b = cls._documented_application(cls.migrant_2, event=cls.event_b)
        cls.certificate_a = cls._issue_certificate(cls.migrant_1)
        cls.certificate_b = cls._issue_certificate(cls.migrant_2, scheme=cls.scheme_b)

    def _visible(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_lsp_staff_sees_only_their_lsp(self):
        staff = self.user_staff_a
        self.assertEqual(self._visible(staff, "jmsc.cert.scheme"), self.scheme_a)
        self.assertEqual(self._visible(staff, "jmsc.cert.event"), self.event_a)
        self.assertEqual(self._visible(staff, "jmsc.cert.venue"), self.venue_a)
        self.assertEqual(self._visible(staff, "jmsc.cert.application"), self.application_a)
        self.assertEqual(self._visible(staff, "jmsc.cert.certificate"), self.certificate_a)
        self.assertEqual(self._visible(staff, "jmsc.cert.result"), self.application_a.result_ids)
        self.assertNotIn(self.assessor_b, self._visible(staff, "jmsc.cert.assessor"))
        with self.assertRaises(AccessError):
            self.scheme_b.with_user(staff).read(["name"])
        with self.assertRaisesText(ValidationError, "cannot attach"):
            self.env["jmsc.cert.application"].with_user(staff).create(
                {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_b.id}
            )
        with self.assertRaises(AccessError):
            self.event_b.with_user(staff).write({"note": "mine now"})
        # Nor can they hand their records over to another LSP.
        with self.assertRaisesText(ValidationError, "cannot attach"):
            self.scheme_a.with_user(staff).write({"lsp_id": self.lsp_b.id})
        with self.assertRaisesText(ValidationError, "cannot attach"):
            self.env["jmsc.cert.venue"].with_user(staff).create({"name": "Foreign TUK", "lsp_id": self.lsp_b.id})
        with self.assertRaises(AccessError):
            self.event_a.with_user(staff).write({"scheme_id": self.scheme_b.id})
        # Staff run their own applications but do not issue or revoke certificates.
        # A candidate the staff cannot see yet applies by NIK (a plain create is refused: no widening).
        with self.assertRaises(AccessError):
            self.env["jmsc.cert.application"].with_user(staff).create(
                {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
            )
        action = (
            self.env["jmsc.cert.apply.wizard"]
            .with_user(staff)
            .create({"scheme_id": self.scheme_a.id, "nik": self.migrant_2.nik})
            .action_apply()
        )
        application = self.env["jmsc.cert.application"].with_user(staff).browse(action["res_id"])
        application.action_submit()
        with self.assertRaises(AccessError):
            self.env["jmsc.cert.certificate"].with_user(staff).create(
                {"partner_id": self.migrant_1.id, "scheme_id": self.scheme_a.id}
            )
        with self.assertRaises(AccessError):
            self.env["jmsc.cert.status.wizard"].with_user(staff).create(
                {"certificate_id": self.certificate_a.id, "new_state": "revoked", "reason": "x"}
            )
        with self.assertRaises(AccessError):
            self.certificate_a.with_user(staff)._change_status("revoked", "no right")

    def test_assessor_sees_and_judges_only_their_events(self):
        assessor = self.user_assessor
        self.assertEqual(self._visible(assessor, "jmsc.cert.event"), self.event_a)
        self.assertEqual(self._visible(assessor, "jmsc.cert.application"), self.application_a)
        results = self._visible(assessor, "jmsc.cert.result")
        self.assertEqual(results, self.application_a.result_ids)
        with self.assertRaises(AccessError):
            self._visible(assessor, "jmsc.cert.certificate")

        results[0].action_set_competent()
        self.assertEqual(results[0].verdict, "k")
        self.assertEqual(results[0].assessor_id, self.assessor, "the verdict records who entered it")
        results[1].write({"verdict": "bk", "note": "Needs practice"})
        with self.assertRaises(AccessError):
            results[1].write({"unit_id": self.unit_3.id})
        with self.assertRaises(AccessError):
            self.application_b.result_ids.with_user(assessor).write({"verdict": "k"})
        with self.assertRaises(AccessError):
            self.event_a.with_user(assessor).write({"note": "changed"})
        with self.assertRaises(AccessError):
            self.env["jmsc.cert.event"].with_user(assessor).create(
                {"date": self.today, "venue_id": self.venue_a.id, "scheme_id": self.scheme_a.id}
            )
        with self.assertRaises(AccessError):
            self.application_a.with_user(assessor).action_withdraw()

    def test_assessor_cannot_change_a_closed_assessment(self):
        self.event_a.action_confirm()
        self._enter(self.application_a, {self.unit_1: "k", self.unit_2: "k", self.unit_3: "k"})
        self.event_a.action_done()
        with self.assertRaises(UserError):
            self.application_a.result_ids[0].with_user(self.user_assessor).write({"verdict": "bk"})

    def test_officers_read_only(self):
        officer = self.user_officer  # serves Indramayu, where migrant 1 lives
        for model, mine, other in (
            ("jmsc.cert.certificate", self.certificate_a, self.certificate_b),
            ("jmsc.cert.application", self.application_a, self.application_b),
            ("jmsc.cert.result", self.application_a.result_ids, self.application_b.result_ids),
        ):
            visible = self._visible(officer, model)
            self.assertLessEqual(mine, visible)
            self.assertFalse(visible & other)
            self.assertEqual(set(visible.mapped("regency_id").ids), set(self.regency_indramayu.ids))
        self.assertLessEqual(self.scheme_a | self.scheme_b, self._visible(officer, "jmsc.cert.scheme"))
        with self.assertRaises(AccessError):
            self.certificate_b.with_user(officer).read(["name"])
        with self.assertRaises(AccessError):
            self.application_a.with_user(officer).write({"note": "x"})
        provincial = self.user_provincial
        self.assertLessEqual(
            self.certificate_a | self.certificate_b, self._visible(provincial, "jmsc.cert.certificate")
        )
        with self.assertRaises(AccessError):
            self.certificate_a.with_user(provincial).write({"user_id": provincial.id})
        with self.assertRaises(AccessError):
            self.scheme_a.with_user(provincial).write({"name": "Renamed"})

    def test_manager_works_on_every_lsp(self):
        manager = self.user_manager
        self.assertLessEqual(self.certificate_a | self.certificate_b, self._visible(manager, "jmsc.cert.certificate"))
        self.certificate_b.with_user(manager)._change_status("suspended", "Complaint received")
        self.assertEqual(self.certificate_b.state, "suspended")
        with self.assertRaises(UserError):
            self.certificate_b.with_user(manager).unlink()

    def test_portal_sees_only_own_certificates(self):
        portal = self.user_portal
        self.assertEqual(self._visible(portal, "jmsc.cert.certificate"), self.certificate_a)
        with self.assertRaises(AccessError):
            self.certificate_b.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            self._visible(portal, "jmsc.cert.application")
        with self.assertRaises(AccessError):
            self.certificate_a.with_user(portal).write({"user_id": portal.id})

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.addons.jmsc_base.tests.common import make_agency
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestApplication(CertificationCommon):
    def _not_competent_in_u1(self):
        """Migrant 2 assessed in event A, not yet competent (BK) in unit 1, marked so."""
        application = self._documented_application(self.migrant_2)
        self.event_a.action_confirm()
        self._enter(application, {self.unit_1: "bk", self.unit_2: "k", self.unit_3: "k"})
        self.event_a.action_done()
        application.action_mark_not_competent()
        return application

    def test_verification_lists_missing_documents(self):
        application = self.env["jmsc.cert.application"].create(
            {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
        )
        application.action_submit()
        self.assertFalse(application.is_eligible)
        # The NIK is the number of the KTP document (one NIK): a migrant with a NIK holds a KTP.
        self.assertEqual(application.missing_document_category_ids, self.doc_medical)
        self.assertIn("✘", application.checklist_html)
        with self.assertRaisesRegex(UserError, self.doc_medical.name):
            application.action_verify()

        # An expired medical certificate does not count; an archived document neither.
        self._give_documents(self.migrant_2, medical_valid_until=self.today - relativedelta(days=1))
        application.invalidate_recordset()
        self.assertEqual(application.missing_document_category_ids, self.doc_medical)
        medical = self.env["res.partner.id_number"].create(
            {
                "partner_id": self.migrant_2.id,
                "category_id": self.doc_medical.id,
                "name": "MCU-ARCHIVED",
                "valid_until": self.today + relativedelta(months=1),
                "active": False,
            }
        )
        application.invalidate_recordset()
        self.assertFalse(application.is_eligible)

        medical.active = True
        application.invalidate_recordset()
        self.assertTrue(application.is_eligible)
        self.assertNotIn("✘", application.checklist_html)
        application.action_verify()
        self.assertEqual(application.state, "verified")
        self.assertEqual(application.verified_by_id, self.env.user)

    def test_verification_requires_completed_trainings(self):
        centre = make_agency(self.env, "BLK Test Certification", "training_centre")
        programme = self.env["jmsc.training.programme"].create({"code": "TCG-TRN", "name": "Caregiving Training"})
        self.scheme_a.programme_ids = programme
        self._give_documents(self.migrant_2)
        application = self.env["jmsc.cert.application"].create(
            {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
        )
        application.action_submit()
        self.assertEqual(application.missing_programme_ids, programme)
        self.assertFalse(application.missing_document_category_ids)
        self.assertIn("Caregiving Training", application.checklist_html)
        with self.assertRaisesRegex(UserError, "Caregiving Training"):
            application.action_verify()

        batch = self.env["jmsc.training.batch"].create(
            {
                "programme_id": programme.id,
                "centre_id": centre.id,
                "date_start": self.today - relativedelta(days=40),
                "date_end": self.today - relativedelta(days=10),
            }
        )
        batch.action_open()
        enrolment = self.env["jmsc.training.enrolment"].create({"partner_id": self.migrant_2.id, "batch_id": batch.id})
        application.invalidate_recordset()
        self.assertFalse(application.is_eligible, "an enrolment is not a completed training")

        enrolment.state = "completed"
        application.invalidate_recordset()
        self.assertTrue(application.is_eligible)
        application.action_verify()
        self.assertEqual(application.state, "verified")

    def test_checklist_queries_do_not_grow_with_applications(self):
        Partner = self.env["res.partner"]
        applications = self.env["jmsc.cert.application"]
        niks = ["3212015101904201", "3212015202904202", "3212015303904203", "3212015404904204"]
        for index, nik in enumerate(niks):
            partner = Partner.create(
                {"name": f"Calon PMI {index}", "is_migrant": True, "nik": nik, "regency_id": self.regency_indramayu.id}
            )
            self._give_documents(partner)
            applications |= applications.create({"partner_id": partner.id, "scheme_id": self.scheme_a.id})

        def count_queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.mapped("is_eligible")
            return self.env.cr.sql_log_count - before

        self.assertEqual(count_queries(applications[:1]), count_queries(applications))
        self.assertTrue(all(applications.mapped("is_eligible")))

    def test_document_valid_until_today_counts(self):
        self._give_documents(self.migrant_2, medical_valid_until=self.today)
        application = self.env["jmsc.cert.application"].create(
            {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
        )
        self.assertTrue(application.is_eligible)

    def test_states_are_enforced(self):
        self._give_documents(self.migrant_2)
        application = self.env["jmsc.cert.application"].create(
            {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
        )
        with self.assertRaises(UserError):
            application.action_verify()
        application.action_submit()
        application.action_verify()
        application.event_id = False
        with self.assertRaisesRegex(UserError, "choose an assessment"):
            application.action_schedule()

    def test_one_open_application_per_scheme(self):
        self.env["jmsc.cert.application"].create({"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id})
        with self.assertRaises(ValidationError):
            self.env["jmsc.cert.application"].create({"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id})

    def test_event_must_match_scheme(self):
        with self.assertRaises(ValidationError):
            self.env["jmsc.cert.application"].create(
                {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id, "event_id": self.event_b.id}
            )

    def test_all_units_k_gives_competent(self):
        application = self._documented_application(self.migrant_2)
        self.assertEqual(application.state, "scheduled")
        self.assertEqual(len(application.result_ids), 3)
        self.assertEqual(application.result, "pending")

        self.event_a.action_confirm()
        self._enter(application, {self.unit_1: "k", self.unit_2: "k"} | {self.unit_3: False})
        with self.assertRaisesRegex(UserError, "U3"):
            self.event_a.action_done()
        self.assertEqual(application.result, "pending")

        self._enter(application, {self.unit_1: "k", self.unit_2: "k", self.unit_3: "k"})
        self.assertEqual(application.result, "competent")
        # The verdict records the event's assessor who is the current user, if any; here the admin is not one.
        self.event_a.action_done()
        self.assertEqual(application.state, "assessed")
        self.event_a.action_issue_certificates()
        self.assertEqual(application.state, "certified")
        certificate = application.certificate_ids
        self.assertEqual(len(certificate), 1)
        self.assertEqual(certificate.partner_id, self.migrant_2)
        self.assertEqual(certificate.state, "valid")

    def test_one_bk_gives_not_competent_then_reassessment(self):
        application = self._documented_application(self.migrant_2)
        self.event_a.action_confirm()
        self._enter(application, {self.unit_1: "k", self.unit_2: "k", self.unit_3: "bk"})
        self.assertEqual(application.result, "not_competent")
        self.event_a.action_done()
        with self.assertRaisesRegex(UserError, "not competent on every unit"):
            application.action_certify()
        self.event_a.action_issue_certificates()
        self.assertEqual(application.state, "not_competent")
        self.assertFalse(application.certificate_ids)
        with self.assertRaises(UserError):
            application.result_ids[0].verdict = "bk"

        # Re-assessment at a new event, on the failed unit only.
        event_2 = self.event_a.copy({"date": self.today + relativedelta(days=30)})
        application.event_id = event_2
        application.action_reassess()
        self.assertEqual(application.state, "scheduled")
        self.assertEqual(application.attempt, 2)
        retake = application._current_result_ids()
        self.assertEqual(retake.unit_id, self.unit_3)
        self.assertEqual(retake.event_id, event_2)
        self.assertEqual(application.result, "pending")

        event_2.action_confirm()
        retake.verdict = "k"
        self.assertEqual(application.result, "competent")
        event_2.action_done()
        application.action_certify()
        self.assertEqual(application.state, "certified")
        self.assertEqual(len(application.result_ids), 4)

    def test_reassess_needs_open_event(self):
        application = self._not_competent_in_u1()
        with self.assertRaisesRegex(UserError, "choose an assessment"):
            application.action_reassess()

    def test_assessor_with_expired_licence_is_refused(self):
        with self.assertRaisesText(ValidationError, "licence of assessor"):
            self.event_a.assessor_ids = [Command.link(self.assessor_expired.id)]
        with self.assertRaisesText(ValidationError, "not qualified"):
            self.event_a.assessor_ids = [Command.link(self.assessor_b.id)]
        # A licence that expires on the day of the assessment is still valid that day.
        self.assessor_expired.licence_expiry = self.event_a.date
        self.event_a.assessor_ids = [Command.link(self.assessor_expired.id)]
        self.assertIn(self.assessor_expired, self.event_a.assessor_ids)
        # Moving the event after the licence expiry is refused too.
        with self.assertRaisesRegex(ValidationError, "licence of assessor"):
            self.event_a.date = self.event_a.date + relativedelta(days=1)

    def test_result_assessor_must_be_of_the_event(self):
        application = self._documented_application(self.migrant_2)
        with self.assertRaisesRegex(ValidationError, "not an assessor"):
            application.result_ids[0].assessor_id = self.assessor_b

    def test_appeal_records_outcome(self):
        application = self._not_competent_in_u1()
        appeal = self.env["jmsc.cert.appeal"].create(
            {"application_id": application.id, "reason": "The emergency scenario was not explained."}
        )
        self.assertEqual(application.appeal_count, 1)
        with self.assertRaisesRegex(UserError, "outcome"):
            appeal.action_uphold()
        appeal.outcome = "The panel orders a re-assessment of U1."
        appeal.action_uphold()
        self.assertEqual(appeal.state, "upheld")
        self.assertEqual(appeal.decided_by_id, self.env.user)
        self.assertTrue(appeal.decision_date)
        with self.assertRaises(UserError):
            appeal.action_reject()

    def test_withdraw(self):
        application = self.env["jmsc.cert.application"].create(
            {"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id}
        )
        application.action_withdraw()
        self.assertEqual(application.state, "withdrawn")
        with self.assertRaises(UserError):
            application.action_withdraw()
        # A withdrawn application no longer blocks a new one.
        self.env["jmsc.cert.application"].create({"partner_id": self.migrant_2.id, "scheme_id": self.scheme_a.id})

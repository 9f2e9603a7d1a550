from odoo.tests import HttpCase, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestTour(HttpCase, CertificationCommon):
    def _assessor_tour(self, tour):
        """Migrant 2 scheduled in event A, the event confirmed, then ``tour`` as the assessor from the events."""
        application = self._documented_application(self.migrant_2)
        self.event_a.action_confirm()
        self.start_tour("/odoo/action-jmsc_certification.jmsc_cert_event_action", tour, login="cert_assessor")
        return application

    def test_assessor_enters_results_and_manager_issues(self):
        application = self._assessor_tour("jmsc_certification_assessor_results")
        self.assertEqual(set(application.result_ids.mapped("verdict")), {"k"})
        self.assertEqual(application.result_ids.assessor_id, self.assessor)
        self.assertEqual(application.result, "competent")

        self.start_tour(
            "/odoo/action-jmsc_certification.jmsc_cert_event_action",
            "jmsc_certification_manager_issue",
            login="cert_manager",
        )
        self.assertEqual(self.event_a.state, "done")
        self.assertEqual(application.state, "certified")
        self.assertEqual(application.certificate_ids.partner_id, self.migrant_2)

    def test_assessor_records_k_bk_and_lsp_staff_prints(self):
        """From each user's landing page; neither user has an email address (contract 7)."""
        (self.user_assessor | self.user_staff_a).partner_id.email = False
        application = self._assessor_tour("jmsc_certification_assessor_k_bk")
        verdicts = {line.unit_id.code: line.verdict for line in application.result_ids}
        self.assertEqual(verdicts, {"U1": "k", "U2": "bk", "U3": "k"})
        self.event_a.action_done()
        self.assertEqual(application.result, "not_competent")

        certified = self._documented_application(self.migrant_1, event=self._new_event())
        self._enter(certified, dict.fromkeys(certified.scheme_id.unit_ids, "k"))
        certified.event_id.action_done()
        certificate = certified.action_certify()
        self.start_tour(
            "/odoo/action-jmsc_certification.jmsc_cert_application_action",
            "jmsc_certification_lsp_staff_print",
            login="cert_staff_a",
        )
        self.assertEqual(certified.state, "certified")
        self.assertEqual(certificate.state, "valid")

    def _new_event(self):
        event = self.env["jmsc.cert.event"].create(
            {
                "date": self.today,
                "venue_id": self.venue_a.id,
                "scheme_id": self.scheme_a.id,
                "assessor_ids": [(6, 0, self.assessor.ids)],
            }
        )
        event.action_confirm()
        return event

from odoo.tests import HttpCase, tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install", "jmsc_certification")
class TestTour(HttpCase, CertificationCommon):
    def test_assessor_enters_results_and_manager_issues(self):
        self._give_documents(self.migrant_2)
        application = self._scheduled_application(self.migrant_2)
        self.event_a.action_confirm()
        self.start_tour(
            "/odoo/action-jmsc_certification.jmsc_cert_event_action",
            "jmsc_certification_assessor_results",
            login="cert_assessor",
        )
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

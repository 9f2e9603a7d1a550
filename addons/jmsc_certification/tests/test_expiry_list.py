from dateutil.relativedelta import relativedelta

from odoo.addons.jmsc_base.tests.common import make_agency
from odoo.tests import tagged

from .common import CertificationCommon


@tagged("post_install", "-at_install")
class TestExpiryList(CertificationCommon):
    """All six kinds of expiring records in the one "Expiring" list, and their reminders from the one job."""

    def test_all_six_kinds_in_one_list(self):
        today = self.today
        migrant = self.migrant_1
        document = self.env["res.partner.id_number"].create(
            {
                "partner_id": migrant.id,
                "category_id": self.env.ref("jmsc_base.doc_type_passport").id,
                "name": "C-SIX",
                "valid_until": today + relativedelta(days=40),
            }
        )
        certificate = self._issue_certificate(migrant, issue_date=today - relativedelta(years=3, days=-40))
        self.assessor.licence_expiry = today + relativedelta(days=45)
        placement = self.env["jmsc.placement"].create(
            {
                "partner_id": migrant.id,
                "country_id": self.env.ref("base.tw").id,
                "sector": "caregiver",
                "contract_end": today + relativedelta(days=50),
                "state": "active",
            }
        )
        centre = make_agency(self.env, "LPK Uji", "training_centre")
        programme = self.env["jmsc.training.programme"].create(
            {"code": "EXP", "name": "Caregiver Refresh", "certificate_validity_months": 12}
        )
        batch = self.env["jmsc.training.batch"].create(
            {
                "programme_id": programme.id,
                "centre_id": centre.id,
                "date_start": today - relativedelta(months=12),
                "date_end": today - relativedelta(months=11),
            }
        )
        batch.action_open()
        enrolment = self.env["jmsc.training.enrolment"].create({"partner_id": migrant.id, "batch_id": batch.id})
        enrolment._write_guarded({"state": "completed", "date_completed": today - relativedelta(months=12, days=-55)})
        self.assertEqual(enrolment.expiry_date, today + relativedelta(days=54))
        licence = self.env["jmsc.agency.licence"].create(
            {
                "partner_id": centre.id,
                "licence_type": "accreditation",
                "name": "AKR-1",
                "expiry_date": today + relativedelta(days=60),
            }
        )
        self.env["jmsc.expiry.mixin"]._cron_jmsc_expiry()
        expected = {
            ("identity", "res.partner.id_number", document.id),
            ("certificate", "jmsc.cert.certificate", certificate.id),
            ("assessor", "jmsc.cert.assessor", self.assessor.id),
            ("placement", "jmsc.placement", placement.id),
            ("training", "jmsc.training.enrolment", enrolment.id),
            ("agency", "jmsc.agency.licence", licence.id),
        }
        items = self.env["jmsc.expiry.item"].search([("expiry_date", "<=", today + relativedelta(days=90))])
        found = {(item.kind, item.res_model, item.res_id) for item in items}
        self.assertLessEqual(expected, found)
        self.assertEqual(len({kind for kind, _model, _id in expected}), 6)
        # Each got its first reminder from the one job, at the level of its model's rules.
        for record in (document, certificate, self.assessor, licence):
            self.assertEqual(record.expiry_reminder_level, 90, record._name)
        self.assertEqual((placement.expiry_reminder_level, enrolment.expiry_reminder_level), (60, 60))
        self.assertEqual(certificate.state, "expiring")
        # The provincial officer sees the migrant's items; the LSP staff of another LSP sees not this certificate.
        provincial = (
            self.env["jmsc.expiry.item"].with_user(self.user_provincial).search([("partner_id", "=", migrant.id)])
        )
        self.assertTrue({"identity", "placement"} <= set(provincial.mapped("kind")))
        staff_b = self.env["jmsc.expiry.item"].with_user(self.user_staff_b).search([("kind", "=", "certificate")])
        self.assertNotIn(certificate.id, staff_b.mapped("res_id"))
        staff_a = self.env["jmsc.expiry.item"].with_user(self.user_staff_a).search([("kind", "=", "certificate")])
        self.assertIn(certificate.id, staff_a.mapped("res_id"))

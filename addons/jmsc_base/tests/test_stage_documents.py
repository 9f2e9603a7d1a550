import datetime

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import JmscBaseCommon

REQUIRED = [
    "jmsc_base.doc_type_ktp",
    "jmsc_base.doc_type_passport",
    "jmsc_base.doc_type_medical",
    "jmsc_base.doc_type_skck",
    "jmsc_base.doc_type_bpjs",
    "jmsc_base.doc_type_visa",
    "jmsc_base.doc_type_placement_agreement",
    "jmsc_base.doc_type_family_permission",
]


@tagged("post_install", "-at_install")
class TestStageAndDocuments(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ani = cls._create_migrant("Ani Suryani", "3212014506950001")
        cls.hong_kong = cls.env.ref("base.hk")

    def _give_required_documents(self, partner, valid_until=None):
        valid_until = valid_until or self.today + relativedelta(years=2)
        for serial, xmlid in enumerate(REQUIRED):
            # The KTP's number is the NIK (one NIK): entering it completes the KTP the NIK created.
            number = partner.nik if xmlid == "jmsc_base.doc_type_ktp" else f"DOC-{partner.id}-{serial}"
            self._add_document(partner, xmlid, number, valid_until=valid_until)

    def test_required_documents_are_configured(self):
        required = self.env["res.partner.id_category"].search([("jmsc_required_for_departure", "=", True)])
        self.assertEqual(set(required.mapped("code")) >= {"PASSPORT", "MEDICAL", "SKCK", "VISA"}, True)
        self.assertFalse(self.env.ref("jmsc_base.doc_type_ak1").jmsc_required_for_departure)

    def test_ready_refused_while_a_document_is_missing_or_expired(self):
        with self.assertRaisesText(UserError, "Ani Suryani.*Passport"):
            self.ani.action_stage_ready()
        self._give_required_documents(self.ani)
        passport = self.ani.id_numbers.filtered(lambda d: d.category_id.code == "PASSPORT")
        passport.valid_until = self.today - relativedelta(days=1)
        with self.assertRaisesText(UserError, "missing or expired: Passport"):
            self.ani.action_stage_ready()
        # The gate also holds for a direct write (e.g. an import).
        with self.assertRaises(UserError):
            self.ani.write({"migration_stage": "ready"})
        passport.valid_until = self.today + relativedelta(years=5)
        self.ani.action_stage_ready()
        self.assertEqual(self.ani.migration_stage, "ready")

    def test_stage_machine_and_dated_history(self):
        self._give_required_documents(self.ani)
        with self.assertRaisesText(UserError, "cannot move from Prospective"):
            self.ani.action_stage_returned()
        self.ani.action_stage_ready()
        self.ani.action_stage_abroad()
        with self.assertRaises(UserError):
            self.ani.action_stage_ready()
        self.ani.action_stage_returned()
        history = self.ani.stage_history_ids.sorted("id")
        self.assertEqual(
            [(h.stage_from or False, h.stage_to) for h in history],
            [(False, "prospective"), ("prospective", "ready"), ("ready", "abroad"), ("abroad", "returned")],
        )
        self.assertTrue(all(h.date and h.user_id for h in history))
        self.ani.action_stage_prospective()
        self.ani.action_stage_cancelled()
        self.assertEqual(self.ani.migration_stage, "cancelled")

    def test_stage_and_sensitive_fields_are_tracked(self):
        migrant = (
            self.env["res.partner"]
            .with_context(tracking_disable=False)
            .create({"name": "Lacak", "is_migrant": True, "regency_id": self.regency_indramayu.id})
        )
        # Odoo does not track records changed in the transaction that created them: end it first.
        self.env.flush_all()
        self.env.cr.precommit.run()
        migrant.write({"migration_stage": "cancelled", "nik": "3212015506960006", "kk_number": "3212010101100001"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        migrant.invalidate_recordset(["message_ids"])
        tracked = {t.field_id.name: t for t in migrant.message_ids.tracking_value_ids}
        self.assertEqual(tracked["migration_stage"].new_value_char, "Cancelled")
        self.assertEqual(tracked["nik"].new_value_char, "3212015506960006")
        self.assertEqual(tracked["kk_number"].new_value_char, "3212010101100001")
        self.assertIn("gender", tracked)

    def test_expiry_state(self):
        valid = self._add_document(self.ani, "jmsc_base.doc_type_passport", "C1", self.today + relativedelta(days=200))
        expiring = self._add_document(self.ani, "jmsc_base.doc_type_visa", "V1", self.today + relativedelta(days=60))
        expired = self._add_document(self.ani, "jmsc_base.doc_type_medical", "M1", self.today - relativedelta(days=1))
        forever = self._add_document(self.ani, "jmsc_base.doc_type_bpjs", "B1")
        self.assertEqual(
            (valid | expiring | expired | forever).mapped("expiry_state"), ["valid", "expiring", "expired", "valid"]
        )
        self.assertIn(self.ani, self.env["res.partner"].search([("id_numbers.expiry_state", "=", "expiring")]))

    def test_placements_set_current_country(self):
        self.assertFalse(self.ani.current_country_id)
        old = self.env["jmsc.placement"].create(
            {
                "partner_id": self.ani.id,
                "country_id": self.env.ref("base.my").id,
                "sector": "manufacturing",
                "departure_date": "2015-01-10",
                "return_date": "2017-01-10",
                "state": "completed",
            }
        )
        self.assertFalse(self.ani.current_placement_id)
        current = self.env["jmsc.placement"].create(
            {
                "partner_id": self.ani.id,
                "country_id": self.hong_kong.id,
                "employer": "Mrs Chan",
                "sector": "domestic",
                "occupation": "Domestic helper",
                "contract_start": "2024-01-01",
                "contract_end": "2026-01-01",
                "departure_date": "2024-01-05",
                "salary": 4990,
                "state": "active",
            }
        )
        self.assertEqual(self.ani.current_placement_id, current)
        self.assertEqual(self.ani.current_country_id, self.hong_kong)
        self.assertEqual(self.ani.placement_count, 2)
        current.state = "completed"
        self.assertFalse(self.ani.current_country_id)
        self.assertIn(old, self.ani.placement_ids)
        with self.assertRaisesText(ValidationError, "ends before it starts"):
            current.contract_end = "2023-01-01"

    def test_salary_and_health_are_manager_only(self):
        self.assertFalse(
            self.env["jmsc.placement"]._fields["salary"].is_accessible(self.env(user=self.user_provincial))
        )
        self.assertTrue(self.env["jmsc.placement"]._fields["salary"].is_accessible(self.env(user=self.user_manager)))
        health = self.env["res.partner"]._fields["health_notes"]
        self.assertFalse(health.is_accessible(self.env(user=self.user_regency)))
        self.assertTrue(health.is_accessible(self.env(user=self.user_manager)))

    def test_consent_flag(self):
        self.assertFalse(self.ani.has_active_consent)
        consent = self.env["jmsc.consent"].create({"partner_id": self.ani.id, "channel": "paper"})
        self.assertTrue(self.ani.has_active_consent)
        self.assertIn(self.ani, self.env["res.partner"].search([("has_active_consent", "=", True)]))
        consent._jmsc_withdraw("paper")  # action_withdraw now opens the wizard (who, when, how)
        self.assertEqual(consent.state, "withdrawn")
        self.assertFalse(self.ani.has_active_consent)
        with self.assertRaisesText(ValidationError, "withdrawn before"):
            consent.withdrawal_date = consent.date - datetime.timedelta(days=1)

    def test_probable_duplicates(self):
        twin = self._create_migrant("  ani   SURYANI ", "3209014506950003", regency=self.regency_cirebon)
        stranger = self._create_migrant("Ani Suryani", "3212014507950004")
        self.assertEqual(self.ani.duplicate_partner_ids, twin)
        self.assertNotIn(stranger, self.ani.duplicate_partner_ids)
        self._add_document(stranger, "jmsc_base.doc_type_passport", "X1234567")
        self._add_document(self.ani, "jmsc_base.doc_type_passport", "X1234567")
        self.ani.invalidate_recordset(["duplicate_partner_ids"])
        self.assertEqual(self.ani.duplicate_partner_ids, twin | stranger)
        action = self.ani.action_merge_duplicates()
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        self.assertEqual(wizard.partner_ids, self.ani | twin | stranger)
        wizard.write({"partner_ids": [(6, 0, (self.ani | twin).ids)], "dst_partner_id": twin.id})
        wizard.action_merge()
        self.assertFalse(self.ani.exists())
        self.assertEqual(twin.nik, "3209014506950003")

    def test_form_derives_identity_from_nik(self):
        form = Form(
            self.env["res.partner"].with_context(default_is_migrant=True),
            view="jmsc_base.res_partner_view_form_migrant",
        )
        form.name = "Dewi"
        form.regency_id = self.regency_indramayu
        form.nik = "3212016108990005"
        self.assertEqual(form.gender, "female")
        self.assertEqual(form.birthdate_date, datetime.date(1999, 8, 21))
        self.assertEqual(form.nik_region_code, "32.12.01")
        dewi = form.save()
        self.assertTrue(dewi.is_migrant)

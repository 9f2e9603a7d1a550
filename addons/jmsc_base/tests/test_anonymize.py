from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestAnonymize(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ani = cls._create_migrant(
            "Ani Suryani",
            "3212014506950001",
            kk_number="3212010101100001",
            mobile="081234567890",
            street="Jl. Siliwangi 1",
            village="Juntinyuat",
            place_of_birth="Indramayu",
            migration_stage="abroad",
        )
        cls.placement = cls.env["jmsc.placement"].create(
            {
                "partner_id": cls.ani.id,
                "country_id": cls.env.ref("base.hk").id,
                "employer": "Mrs Chan",
                "sector": "domestic",
                "agreement_number": "PK-123",
                "salary": 5000,
                "state": "active",
            }
        )
        cls.passport = cls._add_document(cls.ani, "jmsc_base.doc_type_passport", "C7654321")
        cls.ani.message_post(body="Called about NIK 3212014506950001")
        cls.attachment = cls.env["ir.attachment"].create(
            {"name": "ktp.jpg", "res_model": "res.partner", "res_id": cls.ani.id, "raw": b"scan"}
        )

    def _wizard(self, user):
        return Form(
            self.env["jmsc.anonymize.wizard"]
            .with_user(user)
            .with_context(active_model="res.partner", active_ids=self.ani.ids)
        )

    def test_manager_anonymises_and_keeps_statistics(self):
        form = self._wizard(self.user_manager)
        form.confirm = True
        form.save().action_anonymize()
        ani = self.ani
        self.assertTrue(ani.is_anonymized)
        self.assertEqual(ani.anonymized_by_id, self.user_manager)
        self.assertTrue(ani.anonymized_date)
        for fname in ("nik", "kk_number", "mobile", "street", "village", "place_of_birth"):
            self.assertFalse(ani[fname], fname)
        self.assertNotIn("Suryani", ani.name)
        # Statistics survive.
        self.assertEqual(ani.regency_id, self.regency_indramayu)
        self.assertEqual((ani.migration_stage, ani.gender, ani.birth_year), ("abroad", "female", 1995))
        self.assertEqual((self.placement.country_id.code, self.placement.sector), ("HK", "domestic"))
        self.assertFalse(self.placement.employer or self.placement.agreement_number)
        self.assertFalse(self.passport.exists())
        self.assertFalse(self.attachment.exists())
        bodies = " ".join(ani.message_ids.mapped("body"))
        self.assertNotIn("3212014506950001", bodies)
        self.assertIn(self.user_manager.name, bodies)

    def test_only_managers_anonymise(self):
        for user in (self.user_jmsc, self.user_regency, self.user_provincial):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard = (
                    self.env["jmsc.anonymize.wizard"]
                    .with_user(user)
                    .create({"partner_ids": [(6, 0, self.ani.ids)], "confirm": True})
                )
                wizard.action_anonymize()
        self.assertEqual(self.ani.nik, "3212014506950001")

    def test_confirmation_required_and_migrants_only(self):
        wizard = (
            self.env["jmsc.anonymize.wizard"]
            .with_user(self.user_manager)
            .create({"partner_ids": [(6, 0, self.ani.ids)]})
        )
        with self.assertRaises(UserError):
            wizard.action_anonymize()
        agency = self.env["res.partner"].create({"name": "PT Contoh", "is_company": True})
        wizard.write({"partner_ids": [(6, 0, agency.ids)], "confirm": True})
        with self.assertRaisesText(UserError, "PT Contoh"):
            wizard.action_anonymize()

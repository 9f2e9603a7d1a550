import io

import openpyxl
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import JmscBaseCommon, make_agency, make_nik


@tagged("post_install", "-at_install")
class TestExpiryEngine(JmscBaseCommon):
    """One engine: rules as records, one level at a time, one list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Document = cls.env["res.partner.id_number"]
        cls.Rule = cls.env["jmsc.expiry.rule"]
        cls.ani = cls._create_migrant("Ani Suryani", make_nik(5, 6, 1995, female=True))
        cls.budi = cls._create_migrant(
            "Budi Cirebon", make_nik(12, 3, 1990, region="320901"), regency=cls.regency_cirebon
        )
        # The responsible officer has no email address: reminders must not need one (contract 4).
        cls.officer = new_test_user(
            cls.env, login="expiry_officer", groups="jmsc_base.group_jmsc_regency_officer", email=False
        )
        (cls.ani | cls.budi).user_id = cls.officer

    def _run(self):
        self.env["jmsc.expiry.mixin"]._cron_jmsc_expiry()

    def _activities(self, partner):
        return self.env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])

    def _doc(self, partner, xmlid, number, days):
        return self._add_document(partner, xmlid, number, self.today + relativedelta(days=days))

    def test_migrated_rules_replace_the_code_constants(self):
        rules = self.Rule.search([("model", "=", "res.partner.id_number"), ("category_id", "=", False)])
        self.assertEqual(sorted(rules.mapped("days_before")), [30, 90])
        cron = self.env.ref("jmsc_base.ir_cron_jmsc_expiry")
        self.assertIn("_cron_jmsc_expiry", cron.code)
        self.assertFalse(self.env["ir.cron"].search([("code", "ilike", "_cron_jmsc_document_expiry")]))
        self.assertIn("res.partner.id_number", self.env["jmsc.expiry.mixin"]._jmsc_expiry_models())
        self.assertIn("jmsc.placement", self.env["jmsc.expiry.mixin"]._jmsc_expiry_models())
        self.assertIn("jmsc.agency.licence", self.env["jmsc.expiry.mixin"]._jmsc_expiry_models())

    def test_reminder_fires_once_per_level_and_resets_when_the_date_changes(self):
        passport = self._doc(self.ani, "jmsc_base.doc_type_passport", "C2", 85)
        visa = self._doc(self.ani, "jmsc_base.doc_type_visa", "V2", 20)
        later = self._doc(self.ani, "jmsc_base.doc_type_medical", "M2", 200)
        # A stale state, as if the document had been stored long ago.
        self.env.cr.execute("UPDATE res_partner_id_number SET expiry_state = 'valid' WHERE id = %s", [passport.id])
        passport.invalidate_recordset(["expiry_state"])
        self.assertFalse(self._activities(self.ani))
        self._run()
        activities = self._activities(self.ani)
        self.assertEqual(len(activities), 2)
        self.assertTrue(any("C2" in a.summary for a in activities))
        self.assertTrue(any("V2" in a.summary for a in activities))
        self.assertEqual(activities.user_id, self.officer)
        self.assertEqual(passport.expiry_state, "expiring")
        self.assertEqual(
            (passport.expiry_reminder_level, visa.expiry_reminder_level, later.expiry_reminder_level), (90, 30, 0)
        )
        # Running again the same day raises nothing new.
        self._run()
        self.assertEqual(len(self._activities(self.ani)), 2)
        # Sixty days later the passport enters the 30-day window: one more reminder, once.
        with freeze_time(self.today + relativedelta(days=60)):
            self._run()
            self._run()
        self.assertEqual(len(self._activities(self.ani)), 3)
        self.assertEqual(passport.expiry_reminder_level, 30)
        # A renewed document starts over.
        passport.valid_until = self.today + relativedelta(years=5)
        self.assertEqual((passport.expiry_reminder_level, passport.expiry_state), (0, "valid"))
        passport.valid_until = self.today + relativedelta(days=80)
        self._run()
        self.assertEqual(passport.expiry_reminder_level, 90)
        self.assertEqual(len(self._activities(self.ani)), 4)

    def test_one_rule_per_category_replaces_the_general_rules(self):
        passport_type = self.env.ref("jmsc_base.doc_type_passport")
        visa_type = self.env.ref("jmsc_base.doc_type_visa")
        # Passport: 180 days ahead; visa: 30 days only. Medical keeps the general 90/30.
        self.Rule.create(
            {
                "model_id": self.env["ir.model"]._get_id("res.partner.id_number"),
                "category_id": passport_type.id,
                "days_before": 180,
            }
        )
        self.Rule.create(
            {
                "model_id": self.env["ir.model"]._get_id("res.partner.id_number"),
                "category_id": visa_type.id,
                "days_before": 30,
            }
        )
        passport = self._doc(self.ani, "jmsc_base.doc_type_passport", "C3", 150)
        visa = self._doc(self.ani, "jmsc_base.doc_type_visa", "V3", 60)
        medical = self._doc(self.ani, "jmsc_base.doc_type_medical", "M3", 60)
        self.assertEqual(
            (passport.expiry_state, visa.expiry_state, medical.expiry_state), ("expiring", "valid", "expiring")
        )
        self._run()
        self.assertEqual(
            (passport.expiry_reminder_level, visa.expiry_reminder_level, medical.expiry_reminder_level), (180, 0, 90)
        )

    def test_rules_follow_changes_without_code(self):
        rule_90 = self.env.ref("jmsc_base.expiry_rule_id_number_90")
        document = self._doc(self.ani, "jmsc_base.doc_type_medical", "M4", 110)
        self._run()
        self.assertEqual(document.expiry_reminder_level, 0)
        # An administrator moves the first reminder to 120 days, in the UI.
        admin = self.user_admin
        with Form(self.Rule.with_user(admin).browse(rule_90.id)) as form:
            form.days_before = 120
        self._run()
        self.assertEqual(document.expiry_reminder_level, 120)
        self.assertEqual(len(self._activities(self.ani)), 1)
        # An archived rule raises nothing.
        self.env.ref("jmsc_base.expiry_rule_id_number_30").with_user(admin).action_archive()
        with freeze_time(self.today + relativedelta(days=100)):
            self._run()
        self.assertEqual(len(self._activities(self.ani)), 1)
        # Only administrators change the rules.
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.user_regency).browse(rule_90.id).days_before = 10

    def test_reminder_level_is_set_by_the_job_only(self):
        document = self._doc(self.ani, "jmsc_base.doc_type_medical", "M5", 20)
        with self.assertRaises(UserError):
            document.with_user(self.user_regency).write({"expiry_reminder_level": 30})
        created = self.Document.create(
            {
                "partner_id": self.ani.id,
                "category_id": self.env.ref("jmsc_base.doc_type_bpjs").id,
                "name": "B5",
                "valid_until": self.today + relativedelta(days=20),
                "expiry_reminder_level": 30,
            }
        )
        self.assertEqual(created.expiry_reminder_level, 0)

    def test_migrant_emailed_only_with_consent(self):
        self.ani.email = "ani@example.com"
        self.budi.email = "budi@example.com"
        self.env["jmsc.consent"].create({"partner_id": self.ani.id, "purpose": "reminder_email"})
        self._doc(self.ani, "jmsc_base.doc_type_medical", "M6", 20)
        self._doc(self.budi, "jmsc_base.doc_type_medical", "M7", 20)
        self._run()
        mails = self.env["mail.mail"].search([("model", "=", "res.partner.id_number")])
        self.assertEqual(mails.recipient_ids, self.ani)
        self.assertIn("Ani Suryani", mails.body_html)

    def test_expiring_list_follows_record_rules(self):
        ani_doc = self._doc(self.ani, "jmsc_base.doc_type_passport", "C8", 40)
        budi_doc = self._doc(self.budi, "jmsc_base.doc_type_passport", "C9", 40)
        placement = self.env["jmsc.placement"].create(
            {
                "partner_id": self.ani.id,
                "country_id": self.env.ref("base.my").id,
                "sector": "domestic",
                "contract_start": self.today - relativedelta(years=2),
                "contract_end": self.today + relativedelta(days=50),
                "state": "active",
            }
        )
        agency = make_agency(self.env, "PT Maju", "p3mi", regency_id=self.regency_indramayu.id)
        licence = self.env["jmsc.agency.licence"].create(
            {
                "partner_id": agency.id,
                "licence_type": "p3mi_permit",
                "name": "SIP3MI-1",
                "expiry_date": self.today + relativedelta(days=70),
            }
        )
        Item = self.env["jmsc.expiry.item"]
        kinds = {"identity", "placement", "agency"}
        provincial = Item.with_user(self.user_provincial).search(
            [("expiry_date", "<=", self.today + relativedelta(days=90))]
        )
        self.assertEqual(
            {(i.res_model, i.res_id) for i in provincial if i.partner_id in (self.ani | self.budi | agency)},
            {
                ("res.partner.id_number", ani_doc.id),
                ("res.partner.id_number", budi_doc.id),
                ("jmsc.placement", placement.id),
                ("jmsc.agency.licence", licence.id),
            },
        )
        self.assertTrue(kinds <= set(provincial.mapped("kind")))
        # The Indramayu officer sees Ani's items, not Budi's (Cirebon).
        regency = Item.with_user(self.user_regency).search([])
        self.assertIn(("res.partner.id_number", ani_doc.id), {(i.res_model, i.res_id) for i in regency})
        self.assertNotIn(
            budi_doc.id, regency.filtered(lambda i: i.res_model == "res.partner.id_number").mapped("res_id")
        )
        self.assertEqual(
            Item.with_user(self.user_regency).search_count([("regency_id", "=", self.regency_cirebon.id)]), 0
        )
        # Reading a row of another regency by id is refused too.
        budi_item = Item.search([("res_model", "=", "res.partner.id_number"), ("res_id", "=", budi_doc.id)])
        with self.assertRaises(AccessError):
            budi_item.with_user(self.user_regency).read(["expiry_date"])
        # Filters by kind, regency and horizon.
        self.assertEqual(
            Item.with_user(self.user_provincial)
            .search(
                [
                    ("kind", "=", "placement"),
                    ("regency_id", "=", self.regency_indramayu.id),
                    ("expiry_date", "<=", self.today + relativedelta(days=60)),
                    ("res_id", "=", placement.id),
                ]
            )
            .res_id,
            placement.id,
        )
        # The label never shows the number of a KTP (a NIK).
        ktp_item = Item.search([("res_model", "=", "res.partner.id_number"), ("partner_id", "=", self.ani.id)])
        self.assertNotIn(self.ani.nik, "".join(ktp_item.mapped("name")))

    def test_expiring_list_xlsx(self):
        self._doc(self.ani, "jmsc_base.doc_type_passport", "C10", 40)
        items = self.env["jmsc.expiry.item"].with_user(self.user_regency).search([("partner_id", "=", self.ani.id)])
        report = self.env.ref("jmsc_base.report_expiry_list_xlsx")
        content, report_type = (
            self.env["ir.actions.report"].with_user(self.user_regency)._render_xlsx(report.report_name, items.ids, {})
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(len(rows), len(items) + 1)
        self.assertIn("Passport C10 - Ani Suryani", [row[1] for row in rows])

    def test_cron_queries_do_not_grow_with_records(self):
        def count(n, offset):
            for i in range(n):
                migrant = self._create_migrant(f"Q{offset + i}", make_nik(1, 1, 1990, serial=offset + i + 1))
                migrant.user_id = self.officer
                self._doc(migrant, "jmsc_base.doc_type_medical", f"Q{offset + i}", 20 + i)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.env["jmsc.expiry.mixin"]._cron_jmsc_expiry(["res.partner.id_number"])
            self.env.flush_all()
            return self.cr.sql_log_count - before

        small = count(2, 0)
        large = count(8, 100)
        self.assertLessEqual(large, small + 2, "the reminder job makes queries per document")

    def test_agency_form_lists_its_licences(self):
        """A provincial officer adds a licence on the agency form; it is watched like every expiring record."""
        agency = make_agency(self.env, "PT Izin Lengkap", "p3mi", regency_id=self.regency_indramayu.id)
        form_view = self.env.ref("jmsc_base.res_partner_view_form_agency")
        with Form(agency.with_user(self.user_provincial), view=form_view) as form:
            with form.jmsc_agency_licence_ids.new() as line:
                line.licence_type = "p3mi_permit"
                line.name = "SIP3MI-9"
                line.expiry_date = self.today + relativedelta(days=20)
        licence = agency.jmsc_agency_licence_ids
        self.assertEqual(licence.name, "SIP3MI-9")
        self.assertEqual(licence.expiry_state, "expiring")
        item = self.env["jmsc.expiry.item"].search(
            [("res_model", "=", "jmsc.agency.licence"), ("res_id", "=", licence.id)]
        )
        self.assertEqual(item.partner_id, agency)

from dateutil.relativedelta import relativedelta

from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import JmscBaseCommon, make_nik


class PortalExpiryCommon:
    """Two migrants with portal accounts, each with their own expiring documents."""

    @classmethod
    def _setup_portal_migrants(cls, env):
        regency = env.ref("jmsc_base.regency_3212")
        migrants = env["res.partner"]
        users = env["res.users"]
        for serial, name in ((811, "Rina Portal"), (812, "Yati Portal")):
            migrant = env["res.partner"].create(
                {
                    "name": name,
                    "is_migrant": True,
                    "nik": make_nik(2, 3, 1996, serial=serial, female=True),
                    "regency_id": regency.id,
                }
            )
            env["jmsc.consent"].create({"partner_id": migrant.id, "purpose": "portal", "channel": "paper"})
            login = name.split()[0].lower() + "_portal"
            users |= new_test_user(env, login=login, password=login, groups="base.group_portal", partner_id=migrant.id)
            migrants |= migrant
        return migrants, users

    @classmethod
    def _document(cls, env, partner, xmlid, number, days):
        return env["res.partner.id_number"].create(
            {
                "partner_id": partner.id,
                "category_id": env.ref(xmlid).id,
                "name": number,
                "valid_until": office_today(partner) + relativedelta(days=days),
            }
        )


@tagged("post_install", "-at_install")
class TestPortalExpiryItems(PortalExpiryCommon, JmscBaseCommon):
    """The expiry engine's portal channel: the migrant's own expiring items, as the rules say."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        (cls.rina, cls.yati), (cls.user_rina, cls.user_yati) = cls._setup_portal_migrants(cls.env)
        cls.passport = cls._document(cls.env, cls.rina, "jmsc_base.doc_type_passport", "C1110001", 20)
        cls.visa = cls._document(cls.env, cls.rina, "jmsc_base.doc_type_visa", "V1110002", 200)
        cls.medical = cls._document(cls.env, cls.rina, "jmsc_base.doc_type_medical", "M1110003", -10)
        cls.yati_passport = cls._document(cls.env, cls.yati, "jmsc_base.doc_type_passport", "C2220001", 10)
        cls.rules = cls.env["jmsc.expiry.rule"].search(
            [("model", "=", "res.partner.id_number"), ("category_id", "=", False)]
        )

    def _items(self, user):
        return user.partner_id.with_user(user)._jmsc_portal_expiry_items()

    def test_own_items_only(self):
        items = self._items(self.user_rina)
        labels = " ".join(item["label"] for item in items)
        self.assertIn("C1110001", labels)
        self.assertIn("M1110003", labels)
        self.assertNotIn("V1110002", labels)  # 200 days ahead: beyond every portal rule
        self.assertNotIn("C2220001", labels)  # Yati's
        self.assertEqual([item["date"] for item in items], sorted(item["date"] for item in items))
        passport = next(item for item in items if "C1110001" in item["label"])
        self.assertEqual(passport["state"], "expiring")
        self.assertEqual(passport["status"], "Expires in 20 days")
        self.assertEqual(passport["level"], "Reminder 30 days before expiry")
        self.assertEqual(passport["kind"], "Identity Document")
        self.assertEqual(set(passport), {"kind", "label", "date", "date_text", "state", "status", "level"})
        medical = next(item for item in items if "M1110003" in item["label"])
        self.assertEqual(
            (medical["state"], medical["status"], medical["level"]), ("expired", "Expired 10 days ago", "")
        )
        yati = " ".join(item["label"] for item in self._items(self.user_yati))
        self.assertIn("C2220001", yati)
        self.assertNotIn("C1110001", yati)

    def test_nobody_reads_another_persons_items(self):
        for user in (self.user_yati, self.user_portal, self.user_regency):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.rina.with_user(user)._jmsc_portal_expiry_items()

    def test_rules_decide_without_code(self):
        rule_30 = self.rules.filtered(lambda rule: rule.days_before == 30)
        rule_30.notify_portal = False
        passport = next(item for item in self._items(self.user_rina) if "C1110001" in item["label"])
        self.assertEqual(passport["level"], "Reminder 90 days before expiry")
        # A category's own rules replace the general ones: passports without a portal notice.
        self.env["jmsc.expiry.rule"].create(
            {
                "model_id": self.env["ir.model"]._get_id("res.partner.id_number"),
                "category_id": self.env.ref("jmsc_base.doc_type_passport").id,
                "days_before": 60,
                "notify_portal": False,
            }
        )
        labels = " ".join(item["label"] for item in self._items(self.user_rina))
        self.assertNotIn("C1110001", labels)
        self.assertIn("M1110003", labels)
        self.rules.notify_portal = False
        self.assertEqual(self._items(self.user_rina), [])

    def test_portal_consent_required(self):
        self.assertTrue(self._items(self.user_rina))
        self.rina.consent_ids.filtered(lambda consent: consent.purpose == "portal").sudo().write(
            {"date": self.today + relativedelta(days=1)}
        )
        self.assertEqual(self.rina._jmsc_portal_expiry_items(), [])

    def test_constant_queries(self):
        def count():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._items(self.user_rina)
            return self.cr.sql_log_count - before

        few = count()
        for serial in range(6):
            self._document(self.env, self.rina, "jmsc_base.doc_type_medical", f"M9{serial:06d}", 5 + serial)
        self.env.flush_all()
        self.assertLessEqual(count(), few + 1, "the portal notice makes queries per document")


@tagged("post_install", "-at_install")
class TestPortalExpiryHome(PortalExpiryCommon, HttpCase):
    """/my shows the card in Indonesian to its owner, and another migrant's items never."""

    def _demo_migrant(self):
        """pmi.agus in Bahasa Indonesia, her demo passport expiring in 25 days (however long ago the demo
        loaded); skips without the demo data or the language."""
        user = self.env.ref("jmsc_base.user_portal_migrant_demo", raise_if_not_found=False)
        if not (user and self.env["res.lang"]._lang_get("id_ID")):
            self.skipTest("needs the jmsc_base demo data (pmi.agus) and Bahasa Indonesia")
        user.lang = "id_ID"
        passport = self.env.ref("jmsc_base.document_001_passport_demo")
        # the office's day, as the portal counts the days left
        passport.valid_until = office_today(passport) + relativedelta(days=25)
        return user, passport

    def test_demo_migrant_sees_own_card(self):
        user, passport = self._demo_migrant()
        (_rina, _yati), (user_rina, _user_yati) = self._setup_portal_migrants(self.env)
        self._document(self.env, user_rina.partner_id, "jmsc_base.doc_type_passport", "C3330003", 15)
        self.authenticate(user.login, user.login)
        page = self.url_open("/my").text
        self.assertIn("Dokumen Akan Kedaluwarsa", page)
        self.assertIn(passport.name, page)
        self.assertIn("Kedaluwarsa dalam 25 hari", page)
        self.assertIn("Pengingat 30 hari sebelum kedaluwarsa", page)
        self.assertNotIn("C3330003", page)
        # Another migrant sees their own item, not the demo migrant's.
        user_rina.lang = "id_ID"
        self.authenticate(user_rina.login, user_rina.login)
        page = self.url_open("/my").text
        self.assertIn("Dokumen Akan Kedaluwarsa", page)
        self.assertIn("C3330003", page)
        self.assertNotIn(passport.name, page)

    def test_tour_from_portal_home(self):
        self.start_tour("/my", "jmsc_base_portal_expiry", login=self._demo_migrant()[0].login)

    def test_no_card_without_items(self):
        (_rina, _yati), (user_rina, _user_yati) = self._setup_portal_migrants(self.env)
        self.authenticate(user_rina.login, user_rina.login)
        self.assertNotIn("o_jmsc_portal_expiry", self.url_open("/my").text)

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install", "jmsc_base")
class TestConsent(JmscBaseCommon):
    """Consent per purpose (UU PDP): recorded per purpose, checked before processing, withdrawn with a record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.ani = cls._create_migrant(
            "Ani Consent", make_nik(1, 2, 1995, serial=701, female=True), email="ani.consent@example.com"
        )
        cls.budi = cls._create_migrant("Budi Consent", make_nik(3, 4, 1990, serial=702), email="budi@example.com")
        cls.bp3mi = cls.env.ref("jmsc_base.agency_type_bp3mi")
        cls.police = cls.env.ref("jmsc_base.agency_type_police")
        cls.Consent = cls.env["jmsc.consent"]

    def _consent(self, partner, purpose, **vals):
        return self.Consent.create(dict({"partner_id": partner.id, "purpose": purpose, "channel": "paper"}, **vals))

    def _withdraw(self, consents, user=None, channel="whatsapp", **vals):
        env = self.env(user=user) if user else self.env
        wizard = Form(env["jmsc.consent.withdraw.wizard"].with_context(default_consent_ids=[Command.set(consents.ids)]))
        wizard.channel = channel
        for fname, value in vals.items():
            setattr(wizard, fname, value)
        wizard.save().action_confirm()

    def test_one_day_for_everyone_whatever_their_time_zone(self):
        """At 23:48 UTC it is already 3 December in Jakarta (and in Brussels, OdooBot's time zone) but still
        2 December for a user without a time zone: a consent recorded by one and withdrawn at once by the
        other was refused as 'withdrawn before it was given'. Dates of record are the office's day."""
        self.user_regency.tz = False
        self.env.user.tz = "Europe/Brussels"
        with freeze_time("2026-12-02 23:48:00"):
            consent = self._consent(self.ani, "reminder_email")
            self.assertEqual(str(consent.date), "2026-12-03")
            self._withdraw(consent, user=self.user_regency)
            self.assertEqual(str(consent.withdrawal_date), "2026-12-03")
            with self.assertRaisesText(ValidationError, "future"):
                self._consent(self.budi, "reminder_email")._jmsc_withdraw("paper", date=consent.date.replace(day=4))

    def test_allows_per_purpose(self):
        both = self.ani | self.budi
        self._consent(self.ani, "reminder_email")
        self._consent(self.budi, "reminder_whatsapp")
        self._consent(self.ani, "sharing", agency_type_id=self.bp3mi.id)
        self._consent(self.budi, "statistics", date=self.today.replace(year=self.today.year + 1))
        with self.assertQueryCount(1):
            allowed = both._jmsc_consent_allows("reminder_email")
        self.assertEqual(allowed, self.ani)
        self.assertEqual(both._jmsc_consent_allows("reminder_whatsapp"), self.budi)
        self.assertFalse(both._jmsc_consent_allows("reminder_sms"))
        self.assertEqual(both._jmsc_consent_allows("sharing", self.bp3mi), self.ani)
        self.assertFalse(both._jmsc_consent_allows("sharing", self.police), "the consent names the agency type")
        self.assertFalse(both._jmsc_consent_allows("sharing"), "sharing needs an agency type")
        self.assertFalse(both._jmsc_consent_allows("statistics"), "a consent dated in the future does not count")
        with self.assertRaises(ValueError):
            both._jmsc_consent_allows("marketing")

    def test_lawful_basis_other_than_consent(self):
        with self.assertRaisesText(ValidationError, "legal reference"):
            self._consent(self.budi, "sharing", agency_type_id=self.police.id, lawful_basis="legal_obligation")
        consent = self._consent(
            self.budi,
            "sharing",
            agency_type_id=self.police.id,
            lawful_basis="legal_obligation",
            basis_reference="UU 21/2007 (TPPO)",
        )
        self.assertEqual(self.budi._jmsc_consent_bases("sharing", self.police), {self.budi.id: "legal_obligation"})
        self.assertEqual(self.budi._jmsc_consent_allows("sharing", self.police.id), self.budi)
        self.assertEqual(consent.state, "active")

    def test_sharing_names_an_agency_type(self):
        with self.assertRaisesText(ValidationError, "name the agency type"):
            self._consent(self.ani, "sharing")
        with self.assertRaisesText(ValidationError, "only named for sharing"):
            self._consent(self.ani, "portal", agency_type_id=self.bp3mi.id)

    def test_withdrawal_is_recorded_and_stops_processing(self):
        consent = self._consent(self.ani, "reminder_email")
        self.assertEqual(self.ani._jmsc_consent_allows("reminder_email"), self.ani)
        self._withdraw(consent, user=self.user_regency, reason="No longer uses this address")
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(consent.withdrawn_by_id, self.user_regency)
        self.assertEqual(consent.withdrawal_channel, "whatsapp")
        self.assertEqual(consent.withdrawal_date, self.today)
        self.assertTrue(consent.withdrawal_time)
        self.assertEqual(consent.withdrawal_reason, "No longer uses this address")
        self.assertIn("withdrawn", consent.message_ids[0].body)
        self.assertFalse(self.ani._jmsc_consent_allows("reminder_email"))
        self.assertFalse(self.ani.has_active_consent)

    def test_withdrawal_cannot_be_forged(self):
        consent = self._consent(self.ani, "reminder_sms")
        for user in (self.user_regency, self.user_provincial, self.user_manager):
            with self.assertRaisesText(UserError, "Withdraw button"):
                consent.with_user(user).write({"withdrawal_date": self.today})
            with self.assertRaisesText(UserError, "Withdraw button"):
                consent.with_user(user).write({"withdrawn_by_id": self.user_admin.id})
            with self.assertRaisesText(UserError, "cannot change its Purpose"):
                consent.with_user(user).write({"purpose": "reminder_email"})
        with self.assertRaisesText(UserError, "Withdraw button"):
            self.Consent.with_user(self.user_regency).create(
                {"partner_id": self.ani.id, "purpose": "portal", "withdrawal_date": self.today}
            )
        with self.assertRaises(AccessError):
            consent.with_user(self.user_jmsc)._jmsc_withdraw("paper")
        with self.assertRaises(AccessError):
            consent.with_user(self.user_portal)._jmsc_withdraw("paper")
        with self.assertRaisesText(ValidationError, "before it was given"):
            self._withdraw(consent, date=consent.date.replace(year=consent.date.year - 1))
        self.assertEqual(consent.state, "active")

    def test_regency_officer_records_consent_in_form(self):
        officer_env = self.env(user=self.user_regency)
        form = Form(officer_env["jmsc.consent"])
        form.partner_id = self.ani.with_env(officer_env)
        form.purpose = "sharing"
        form.agency_type_id = self.bp3mi.with_env(officer_env)
        form.channel = "in_person"
        consent = form.save()
        self.assertEqual(consent.create_uid, self.user_regency)
        self.assertEqual(self.ani._jmsc_consent_allows("sharing", self.bp3mi), self.ani)
        form = Form(officer_env["jmsc.consent"])
        form.purpose = "sharing"
        form.agency_type_id = self.bp3mi.with_env(officer_env)
        form.purpose = "portal"
        self.assertFalse(form.agency_type_id, "the agency type is only for sharing")
        action = consent.with_user(self.user_regency).action_withdraw()
        self.assertEqual(action["res_model"], "jmsc.consent.withdraw.wizard")
        self._withdraw(consent.with_user(self.user_regency), user=self.user_regency, channel="paper")
        self.assertFalse(self.ani._jmsc_consent_allows("sharing", self.bp3mi))
        with self.assertRaises(AccessError):
            self.Consent.with_user(self.user_jmsc).create({"partner_id": self.ani.id, "purpose": "portal"})

    def _invite(self, partner):
        wizard = self.env["portal.wizard"].with_context(active_ids=partner.ids).create({})
        return wizard.user_ids.filtered(lambda line: line.partner_id == partner)

    def test_portal_invitation_needs_consent(self):
        line = self._invite(self.ani)
        with self.assertRaisesText(UserError, "Portal access"):
            line.action_grant_access()
        self.assertFalse(self.ani.with_context(active_test=False).user_ids)
        consent = self._consent(self.ani, "portal")
        line.action_grant_access()
        user = self.ani.user_ids
        self.assertTrue(user.share and user.active, "the invitation goes through with the consent")
        # Withdrawing the consent closes the account at once; it cannot be reopened without a new consent.
        self._withdraw(consent, user=self.user_regency)
        self.assertFalse(user.active)
        self.assertIn("Portal access closed", self.ani.message_ids[0].body)
        with self.assertRaisesText(UserError, "Portal access"):
            user.write({"active": True})

    def test_portal_user_for_migrant_needs_consent(self):
        values = {
            "name": "Budi Portal",
            "login": "budi_consent_portal",
            "partner_id": self.budi.id,
            "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
        }
        with self.assertRaisesText(UserError, "Portal access"):
            self.env["res.users"].create(values)
        self._consent(self.budi, "portal")
        self.assertTrue(self.env["res.users"].create(values).share)

    def test_portal_user_becoming_migrant_needs_consent(self):
        contact = self.env["res.partner"].create(
            {"name": "Citra Kontak", "email": "citra@example.com", "regency_id": self.regency_indramayu.id}
        )
        user = self.env["res.users"].create(
            {
                "name": "Citra Kontak",
                "login": "citra_consent_portal",
                "partner_id": contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        values = {"is_migrant": True, "regency_id": self.regency_indramayu.id}
        with self.assertRaisesText(UserError, "Portal access"):
            contact.with_user(self.user_regency).write(values)
        contact.invalidate_recordset()
        self.assertFalse(contact.is_migrant, "nothing changed")
        self._consent(contact, "portal")
        contact.with_user(self.user_regency).write(values)
        self.assertTrue(contact.is_migrant)
        self.assertTrue(user.active)

    def test_email_notifications_need_reminder_consent(self):
        def notified(partner):
            message = partner.message_post(
                body="Your passport expires soon.",
                partner_ids=partner.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=self.env.ref("base.partner_root").id,
            )
            return partner in message.notification_ids.res_partner_id

        self.assertFalse(notified(self.ani), "no email to a migrant without the consent")
        consent = self._consent(self.ani, "reminder_email")
        self.assertTrue(notified(self.ani), "the email goes out with the consent")
        self._withdraw(consent)
        self.assertFalse(notified(self.ani), "withdrawing stops the emails from then on")
        other = self.env["res.partner"].create({"name": "Not a migrant", "email": "other@example.com"})
        self.assertTrue(notified(other), "contacts who are not migrants are emailed as before")

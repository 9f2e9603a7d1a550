from odoo.addons.jmsc_base.tests.common import make_agency
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestReferralConsent(JmscHelpdeskCommon):
    """A referral shares the migrant's data with the agency only with the consent to share with its agency
    type, or a lawful basis that the referral records (UU PDP)."""

    def _refer(self, case, user=None, **vals):
        Referral = self.env["jmsc.helpdesk.referral"].with_user(user or self.user_agent)
        return Referral.create(dict({"ticket_id": case.id, "agency_id": self.agency_bp3mi.id}, **vals))

    def _sharing_consent(self, partner, agency_type=None):
        return self.env["jmsc.consent"].create(
            {"partner_id": partner.id, "purpose": "sharing", "agency_type_id": (agency_type or self.bp3mi_type).id}
        )

    def test_referral_refused_without_consent_and_done_with_it(self):
        case = self._case(user_id=self.user_agent.id)
        with self.assertRaisesText(UserError, "has not consented"):
            self._refer(case)
        self.assertFalse(self.env["jmsc.helpdesk.referral"].search([("ticket_id", "=", case.id)]))
        # A consent to share with another agency type does not count.
        self._sharing_consent(self.migrant_indramayu, self.env.ref("jmsc_base.agency_type_police"))
        with self.assertRaisesText(UserError, "has not consented"):
            self._refer(case)
        consent = self._sharing_consent(self.migrant_indramayu)
        referral = self._refer(case)
        self.assertEqual(referral.jmsc_sharing_basis, "consent")
        # Withdrawn: the next referral is refused; the referral already made stays on record.
        consent._jmsc_withdraw("phone", "Does not want BP3MI involved")
        with self.assertRaisesText(UserError, "has not consented"):
            self._refer(case)
        self.assertEqual(self.env["jmsc.helpdesk.referral"].search([("ticket_id", "=", case.id)]), referral)

    def test_protection_case_is_referred_under_legal_obligation(self):
        case = self._case(category_id=self.category_tppo.id, user_id=self.user_agent.id)
        referral = self._refer(case)
        self.assertEqual(referral.jmsc_sharing_basis, "legal_obligation")
        self.assertIn("UU 18/2017", referral.jmsc_basis_note)
        self.assertIn("without consent", case.message_ids[0].body, "the basis is recorded on the case")

    def test_vital_interest_needs_a_justification(self):
        case = self._case(user_id=self.user_agent.id)
        with self.assertRaisesText(UserError, "Vital Interest"):
            self._refer(case, jmsc_vital_interest=True)
        referral = self._refer(case, jmsc_vital_interest=True, jmsc_basis_note="Unconscious in hospital")
        self.assertEqual(referral.jmsc_sharing_basis, "vital_interest")
        self.assertIn("Vital interest", case.message_ids[0].body)

    def test_case_without_migrant_shares_no_personal_data(self):
        case = self._case(jmsc_migrant_id=False, user_id=self.user_agent.id)
        self.assertEqual(self._refer(case).jmsc_sharing_basis, "no_personal_data")

    def test_basis_cannot_be_forged(self):
        case = self._case(user_id=self.user_agent.id)
        referral = self._refer(case, jmsc_vital_interest=True, jmsc_basis_note="Unconscious in hospital")
        for user in (self.user_agent, self.user_case_manager, self.user_supervisor):
            with self.assertRaisesText(UserError, "set by the system"):
                referral.with_user(user).write({"jmsc_sharing_basis": "consent"})
        referral = self._refer(
            case,
            user=self.user_case_manager,
            jmsc_sharing_basis="consent",
            jmsc_vital_interest=True,
            jmsc_basis_note="Still in hospital",
        )
        self.assertEqual(referral.jmsc_sharing_basis, "vital_interest", "a basis given at creation is ignored")
        # Moving the referral to another agency type checks that type's consent.
        embassy = make_agency(self.env, "KBRI test", "embassy")
        plain = self._case(user_id=self.user_agent.id, jmsc_migrant_id=self.migrant_cirebon.id)
        self._sharing_consent(self.migrant_cirebon)
        referral = self._refer(plain)
        with self.assertRaisesText(UserError, "has not consented"):
            referral.with_user(self.user_agent).write({"agency_id": embassy.id})

    def test_agent_refers_from_the_form(self):
        self._sharing_consent(self.migrant_indramayu)
        case = self._case(user_id=self.user_agent.id)
        form = Form(self.env["jmsc.helpdesk.referral"].with_user(self.user_agent))
        form.ticket_id = case.with_user(self.user_agent)
        form.agency_id = self.agency_bp3mi.with_user(self.user_agent)
        referral = form.save()
        self.assertEqual(referral.jmsc_sharing_basis, "consent")

    def test_stage_email_to_migrant_needs_reminder_consent(self):
        template = self.env.ref("helpdesk_mgmt.closed_ticket_template")
        self.stage_progress.mail_template_id = template
        self.migrant_indramayu.email = "siti.test@example.com"
        env = self.env(context=dict(self.env.context, tracking_disable=False))

        def emails_sent(case):
            return self.env["mail.mail"].search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", case.id),
                    ("recipient_ids", "in", case.partner_id.ids),
                ]
            )

        def close_new_case():
            case = self._case(partner_id=self.migrant_indramayu.id, user_id=self.user_agent.id).with_env(env)
            # Tracking (and the stage template) is finalised before commit; a write in the transaction of the
            # creation is folded into the creation.
            self.env.flush_all()
            self.env.cr.precommit.run()
            case.with_user(self.user_agent).write({"stage_id": self.stage_progress.id})
            self.env.flush_all()
            self.env.cr.precommit.run()
            return case

        self.assertFalse(emails_sent(close_new_case()), "no stage email to a migrant without the consent")
        self.env["jmsc.consent"].create({"partner_id": self.migrant_indramayu.id, "purpose": "reminder_email"})
        self.assertTrue(emails_sent(close_new_case()), "the stage email goes out with the consent")

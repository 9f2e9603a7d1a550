from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestReferral(JmscHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Referrals share the migrant's data: the migrant consented to share with BP3MI (UU PDP).
        cls.env["jmsc.consent"].create(
            {"partner_id": cls.migrant_indramayu.id, "purpose": "sharing", "agency_type_id": cls.bp3mi_type.id}
        )

    def _referral(self, **vals):
        case = self._case(user_id=self.user_agent.id)
        values = {
            "ticket_id": case.id,
            "agency_id": self.agency_bp3mi.id,
            "referral_date": "2026-09-01",
            "follow_up_date": "2026-09-07",
            "reference_number": "BP3MI/JB/001",
        }
        values.update(vals)
        return self.env["jmsc.helpdesk.referral"].with_user(self.user_agent).create(values)

    def test_referral_is_logged_on_case(self):
        referral = self._referral()
        self.assertEqual(referral.agency_type_id, self.env.ref("jmsc_base.agency_type_bp3mi"))
        self.assertEqual(referral.ticket_id.jmsc_referral_count, 1)
        self.assertIn("BP3MI Jawa Barat", referral.ticket_id.message_ids[0].body)

    def test_follow_up_date_validation(self):
        with self.assertRaisesRegex(ValidationError, "BP3MI Jawa Barat"):
            self._referral(follow_up_date="2026-08-01")

    def test_outcome_required_to_resolve(self):
        referral = self._referral()
        with self.assertRaisesRegex(ValidationError, referral.ticket_id.number):
            referral.action_done()
        referral.outcome = "Wages paid in full."
        referral.action_done()
        self.assertEqual(referral.state, "done")

    def test_overdue_follow_up_raises_one_activity(self):
        referral = self._referral()
        resolved = self._referral(state="done", outcome="Done")
        with freeze_time("2026-09-06 03:00:00"):
            self.assertFalse(self.env["jmsc.helpdesk.referral"]._cron_follow_up_overdue())
        with freeze_time("2026-09-08 03:00:00"):
            overdue = self.env["jmsc.helpdesk.referral"]._cron_follow_up_overdue()
            self.assertEqual(overdue, referral)
            self.assertEqual(len(referral.activity_ids), 1)
            self.assertEqual(referral.activity_ids.user_id, self.user_agent)
            self.assertFalse(resolved.activity_ids)
            self.env["jmsc.helpdesk.referral"]._cron_follow_up_overdue()
            self.assertEqual(len(referral.activity_ids), 1, "one reminder per follow-up date")
        referral.follow_up_date = "2026-09-10"
        with freeze_time("2026-09-11 03:00:00"):
            self.env["jmsc.helpdesk.referral"]._cron_follow_up_overdue()
        self.assertEqual(len(referral.activity_ids), 2, "a new follow-up date re-arms the reminder")

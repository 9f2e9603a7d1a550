from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestCoopRetention(CoopCommon):
    """The cooperative's part of retention: membership ended + N years; an active member is kept."""

    def test_membership_ended_long_ago_is_due_active_member_kept(self):
        Rule = self.env["jmsc.retention.rule"]
        Rule.search([]).write({"active": False})
        Rule.create({"name": "Coop 10y", "category": "cooperative", "trigger": "membership_ended", "years": 10})
        self.person_1.write({"migration_stage": "cancelled"})  # no migration in progress
        self.member_1.action_resign()
        self.assertEqual(self.member_1.status, "resigned")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jmsc_coop_member SET end_date = %s WHERE id = %s",
            [self.today - relativedelta(years=11), self.member_1.id],
        )
        self.env.invalidate_all()
        due, kept = Rule._jmsc_retention_due()
        self.assertIn(self.person_1.id, due, kept)
        self.assertNotIn(self.person_2.id, due | kept, "an active member has no trigger")
        # the same person active in another cooperative is kept
        self.env["jmsc.coop.member"].create({"partner_id": self.person_1.id, "cooperative_id": self.coop_b.id})
        due, kept = Rule._jmsc_retention_due()
        self.assertNotIn(self.person_1.id, due)
        self.assertEqual(kept[self.person_1.id], "Active cooperative member")

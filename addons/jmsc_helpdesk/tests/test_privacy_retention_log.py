import datetime

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install")
class TestHelpdeskRetentionAndLog(JmscHelpdeskCommon):
    """The call centre's part of retention (case closed + N years) and of the access log (sensitive cases)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["jmsc.retention.rule"].search([]).write({"active": False})
        cls.rule = cls.env["jmsc.retention.rule"].create(
            {"name": "Cases 10y", "category": "helpdesk", "trigger": "case_closed", "years": 10}
        )
        cls.case_sensitive = cls._case(
            name="Recruited without papers", category_id=cls.category_tppo.id, user_id=cls.user_agent.id
        )

    def _close(self, case, years_ago):
        case.write({"stage_id": self.stage_done.id, "jmsc_decision": "Referred to the police by phone."})
        case.write({"closed_date": datetime.datetime.now() - relativedelta(years=years_ago)})

    def test_case_closed_long_ago_is_due_open_case_holds(self):
        self.migrant_indramayu.write({"migration_stage": "cancelled"})  # no migration in progress
        case = self._case()
        self._close(case, 11)
        due, _kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        self.assertNotIn(self.migrant_indramayu.id, due, "the sensitive case is still open")
        self._close(self.case_sensitive, 11)
        due, _kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        self.assertIn(self.migrant_indramayu.id, due)
        # closed 9 years ago: kept
        self.case_sensitive.write({"closed_date": datetime.datetime.now() - relativedelta(years=9)})
        due, kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        self.assertNotIn(self.migrant_indramayu.id, due)
        self.assertIn(self.migrant_indramayu.id, kept)

    def test_migration_in_progress_holds(self):
        self._close(self.case_sensitive, 11)
        self.assertEqual(self.migrant_indramayu.migration_stage, "prospective")
        due, kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        self.assertEqual(kept.get(self.migrant_indramayu.id), "Migration in progress")

    def test_opening_a_sensitive_case_is_logged(self):
        plain = self._case(user_id=self.user_agent.id)
        (plain | self.case_sensitive).with_user(self.user_agent).web_read({"name": {}, "description": {}})
        lines = self.env["jmsc.access.log"].search([("user_id", "=", self.user_agent.id)])
        self.assertEqual(lines.res_id, self.case_sensitive.id)
        self.assertEqual(lines.res_model, "helpdesk.ticket")
        self.assertEqual(lines.partner_id, self.migrant_indramayu)
        # only the display name (a many2one, a search) opens nothing
        self.case_sensitive.with_user(self.user_agent).web_read({"display_name": {}})
        self.assertEqual(len(self.env["jmsc.access.log"].search([("user_id", "=", self.user_agent.id)])), 1)

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CoopCommon
from .jobs import enqueued, perform


@tagged("post_install", "-at_install")
class TestShuBackground(CoopCommon):
    """Issue #15: the SHU of a large cooperative is posted by queue_job jobs, in chunks, as the manager."""

    def test_large_cooperative_posts_in_jobs(self):
        self.post(self.account(self.member_1), "deposit", 300000)
        self.post(self.account(self.member_2), "deposit", 100000)
        self.post(self.account(self.member_portal), "deposit", 100000)
        self.env["ir.config_parameter"].sudo().set_param("jmsc_cooperative.shu_background_members", "1")
        Run = self.env["jmsc.coop.shu.run"].with_user(self.manager_a)
        run = Run._distribute(self.coop_a, self.today.year, 1000, "average_balance", self.sukarela_a)
        jobs = enqueued(self.env, "_job_post_shares")
        self.assertEqual(len(jobs), 1)  # 3 shares, one chunk
        self.assertEqual(jobs.user_id, self.manager_a)
        self.assertEqual(run.pending_count, 3)
        self.assertFalse(run.line_ids.transaction_id)
        perform(self.env, "_job_post_shares")
        run.invalidate_recordset(["pending_count"])
        self.assertEqual(run.pending_count, 0)
        self.assertEqual(len(run.line_ids.transaction_id), 3)
        self.assertAlmostEqual(sum(run.line_ids.transaction_id.mapped("amount")), 1000, places=2)
        # a job run again (a retry after a failure halfway) posts nothing twice
        posted = run.line_ids.transaction_id
        run.with_user(self.manager_a)._job_post_shares(run.line_ids.ids)
        self.assertEqual(run.line_ids.transaction_id, posted)
        self.assertEqual(
            self.env["jmsc.coop.transaction"].search_count(
                [("transaction_type", "=", "shu"), ("cooperative_id", "=", self.coop_a.id)]
            ),
            3,
        )
        self.assertFalse(run.line_ids.account_id.check_ledger())

    def test_job_refused_to_another_cooperative(self):
        self.post(self.account(self.member_1), "deposit", 300000)
        self.env["ir.config_parameter"].sudo().set_param("jmsc_cooperative.shu_background_members", "0")
        run = (
            self.env["jmsc.coop.shu.run"]
            .with_user(self.manager_a)
            ._distribute(self.coop_a, self.today.year, 1000, "average_balance", self.sukarela_a)
        )
        with self.assertRaises(AccessError):
            run.with_user(self.staff_b)._job_post_shares(run.line_ids.ids)
        self.assertFalse(run.line_ids.transaction_id)

"""Retention after a cooperative membership ended: the cooperative's trigger for jmsc_base's retention rules.

The ledger's amounts stay (anonymisation detaches them from the person); only the person goes."""

from odoo import api, fields, models
from odoo.tools import SQL


class JmscRetentionRule(models.Model):
    _inherit = "jmsc.retention.rule"

    category = fields.Selection(
        selection_add=[("cooperative", "Cooperative Membership")], ondelete={"cooperative": "cascade"}
    )
    trigger = fields.Selection(
        selection_add=[("membership_ended", "Membership Ended")], ondelete={"membership_ended": "cascade"}
    )

    @api.model
    def _jmsc_retention_dates_membership_ended(self):
        """Members of no cooperative any more: the date their last membership ended."""
        self.env["jmsc.coop.member"].flush_model(["partner_id", "status", "end_date"])
        rows = self.env.execute_query(
            SQL(
                """SELECT partner_id, MAX(end_date)
                     FROM jmsc_coop_member
                    WHERE status != 'active' AND end_date IS NOT NULL
                    GROUP BY partner_id"""
            )
        )
        return dict(rows)

    @api.model
    def _jmsc_retention_holds_membership_ended(self, partner_ids):
        """An active member is kept."""
        members = (
            self.env["jmsc.coop.member"]
            .sudo()  # system job run by a manager or the cron: only who is an active member is read
            .search([("partner_id", "in", partner_ids), ("status", "=", "active")])
        )
        return {partner_id: self.env._("Active cooperative member") for partner_id in members.partner_id.ids}

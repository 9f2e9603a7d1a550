"""Retention after a case is closed: the call centre's trigger for jmsc_base's retention rules."""

from odoo import api, fields, models
from odoo.tools import SQL


class JmscRetentionRule(models.Model):
    _inherit = "jmsc.retention.rule"

    category = fields.Selection(
        selection_add=[("helpdesk", "Call-Centre Cases (incl. TPPO)")], ondelete={"helpdesk": "cascade"}
    )
    trigger = fields.Selection(selection_add=[("case_closed", "Case Closed")], ondelete={"case_closed": "cascade"})

    @api.model
    def _jmsc_retention_dates_case_closed(self):
        """People whose every case is closed: the date their last case was closed."""
        self.env["helpdesk.ticket"].flush_model(["jmsc_migrant_id", "partner_id", "closed_date", "stage_id"])
        rows = self.env.execute_query(
            SQL(
                """SELECT COALESCE(t.jmsc_migrant_id, t.partner_id), MAX(t.closed_date)
                     FROM helpdesk_ticket t
                     JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                    WHERE s.closed AND t.closed_date IS NOT NULL
                      AND COALESCE(t.jmsc_migrant_id, t.partner_id) IS NOT NULL
                    GROUP BY 1"""
            )
        )
        return dict(rows)

    @api.model
    def _jmsc_retention_holds_case_closed(self, partner_ids):
        """A person with a case still open is kept."""
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()  # system job run by a manager or the cron: only the ids of people with open cases are read
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("jmsc_migrant_id", "in", partner_ids),
                    ("partner_id", "in", partner_ids),
                    ("stage_id.closed", "=", False),
                ]
            )
        )
        held = set(tickets.jmsc_migrant_id.ids) | set(tickets.partner_id.ids)
        return {partner_id: self.env._("A call-centre case is open") for partner_id in held & set(partner_ids)}

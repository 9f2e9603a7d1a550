"""Dry run of the retention rules: who would be anonymised today, and who is kept and why. Writes nothing
but this transient list."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.office_day import office_today


class JmscRetentionDryRun(models.TransientModel):
    _name = "jmsc.retention.dry.run"
    _description = "Retention Dry Run"

    date = fields.Date(required=True, default=office_today, readonly=True)
    line_ids = fields.One2many("jmsc.retention.dry.run.line", "dry_run_id", string="People", readonly=True)
    due_count = fields.Integer(compute="_compute_counts", string="Would Be Anonymised")
    kept_count = fields.Integer(compute="_compute_counts", string="Kept")

    @api.depends("line_ids.due")
    def _compute_counts(self):
        for run in self:
            run.due_count = len(run.line_ids.filtered("due"))
            run.kept_count = len(run.line_ids) - run.due_count

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("jmsc_base.group_jmsc_manager"):
            raise AccessError(self.env._("Only JMSC Managers can run the retention rules."))
        runs = super().create(vals_list)
        for run in runs:
            run._jmsc_fill()
        return runs

    def _jmsc_fill(self):
        self.ensure_one()
        due, kept = self.env["jmsc.retention.rule"]._jmsc_retention_due(today=self.date)
        commands = [
            fields.Command.create(
                {
                    "partner_id": partner_id,
                    "due": True,
                    "rule_id": values["rule"].id,
                    "trigger_date": values["trigger_date"],
                    "due_date": values["due_date"],
                }
            )
            for partner_id, values in due.items()
        ]
        commands += [
            fields.Command.create({"partner_id": partner_id, "due": False, "reason": reason})
            for partner_id, reason in kept.items()
        ]
        self.line_ids = commands

    def action_download_xlsx(self):
        self.ensure_one()
        return self.env.ref("jmsc_base.report_retention_dry_run_xlsx").report_action(self)


class JmscRetentionDryRunLine(models.TransientModel):
    _name = "jmsc.retention.dry.run.line"
    _description = "Retention Dry Run Line"
    _order = "due desc, due_date, id"

    dry_run_id = fields.Many2one("jmsc.retention.dry.run", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Person", required=True, ondelete="cascade")
    due = fields.Boolean(string="Would Be Anonymised")
    rule_id = fields.Many2one("jmsc.retention.rule", ondelete="cascade")
    trigger_date = fields.Date()
    due_date = fields.Date()
    reason = fields.Char(string="Why Kept")

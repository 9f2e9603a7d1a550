"""XLSX of a retention dry run: who would be anonymised, and who is kept and why."""

from odoo import models


class RetentionDryRunXlsx(models.AbstractModel):
    _name = "report.jmsc_base.retention_dry_run_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Retention Dry Run XLSX"

    def _jmsc_xlsx_sheet(self, runs):
        yes, no = self.env._("Yes"), self.env._("No")
        columns = [
            (self.env._("Person"), 30, lambda line: line.partner_id.display_name or "", None),
            (self.env._("Would Be Anonymised"), 18, lambda line: yes if line.due else no, None),
            (self.env._("Rule"), 18, lambda line: line.rule_id.name or "", None),
            (self.env._("Trigger Date"), 18, lambda line: line.trigger_date or None, "date"),
            (self.env._("Due Date"), 18, lambda line: line.due_date or None, "date"),
            (self.env._("Why Kept"), 18, lambda line: line.reason or "", None),
        ]
        return self.env._("Retention Dry Run"), columns, runs.line_ids

"""XLSX of a retention dry run: who would be anonymised, and who is kept and why."""

from odoo import models


class RetentionDryRunXlsx(models.AbstractModel):
    _name = "report.jmsc_base.retention_dry_run_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Retention Dry Run XLSX"

    def generate_xlsx_report(self, workbook, data, runs):
        formats = self._jmsc_xlsx_formats(workbook)
        bold, day = formats["header"], formats["date"]
        sheet = workbook.add_worksheet(self.env._("Retention Dry Run"))
        headers = [
            self.env._("Person"),
            self.env._("Would Be Anonymised"),
            self.env._("Rule"),
            self.env._("Trigger Date"),
            self.env._("Due Date"),
            self.env._("Why Kept"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 5, 18)
        yes, no = self.env._("Yes"), self.env._("No")
        row = 1
        for run in runs:
            for line in run.line_ids:
                sheet.write(row, 0, line.partner_id.display_name or "")
                sheet.write(row, 1, yes if line.due else no)
                sheet.write(row, 2, line.rule_id.name or "")
                if line.trigger_date:
                    sheet.write_datetime(row, 3, line.trigger_date, day)
                if line.due_date:
                    sheet.write_datetime(row, 4, line.due_date, day)
                sheet.write(row, 5, line.reason or "")
                row += 1

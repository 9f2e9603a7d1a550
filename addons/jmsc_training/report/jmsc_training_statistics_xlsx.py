from collections import defaultdict

from odoo import models

STATES = ["applied", "waitlisted", "enrolled", "dropped", "completed", "failed"]


class ReportTrainingStatisticsXlsx(models.AbstractModel):
    """Enrolment and completion figures by programme, centre, regency and period."""

    _name = "report.jmsc_training.statistics_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Training Statistics Workbook"

    def _get_objs_for_report(self, docids, data):
        enrolments = super()._get_objs_for_report(docids, data)
        if not enrolments:
            enrolments = self.env["jmsc.training.enrolment"].search([])
        return enrolments

    def generate_xlsx_report(self, workbook, data, enrolments):
        state_labels = dict(enrolments._fields["state"]._description_selection(self.env))
        # Rates are stored in 0..100: the one-decimal number format, not the percentage one.
        formats = self._jmsc_xlsx_formats(workbook)
        undefined = self.env._("Undefined")
        groupings = [
            (self.env._("By Programme"), self.env._("Programme"), lambda e: e.programme_id.display_name),
            (self.env._("By Centre"), self.env._("Centre"), lambda e: e.centre_id.name or undefined),
            (self.env._("By Regency"), self.env._("Regency/City"), lambda e: e.regency_id.display_name or undefined),
            (
                self.env._("By Period"),
                self.env._("Period"),
                lambda e: e.batch_date_start.strftime("%Y-%m") if e.batch_date_start else undefined,
            ),
        ]
        for sheet_name, key_label, key in groupings:
            sheet = workbook.add_worksheet(sheet_name)
            headers = (
                [key_label, self.env._("Enrolments")]
                + [state_labels[state] for state in STATES]
                + [self.env._("Completion Rate (%)"), self.env._("Average Attendance (%)")]
            )
            for col, label in enumerate(headers):
                sheet.write(0, col, label, formats["header"])
            sheet.set_column(0, 0, 35)
            sheet.set_column(1, len(headers), 12)
            sheet.freeze_panes(1, 1)
            rows = defaultdict(lambda: {"count": 0, "attendance": 0.0, **dict.fromkeys(STATES, 0)})
            for enrolment in enrolments:
                values = rows[key(enrolment)]
                values["count"] += 1
                values[enrolment.state] += 1
                values["attendance"] += enrolment.attendance_rate
            for row, label in enumerate(sorted(rows), start=1):
                values = rows[label]
                finished = values["completed"] + values["failed"] + values["dropped"]
                sheet.write(row, 0, label, formats["text"])
                sheet.write_number(row, 1, values["count"], formats["integer"])
                for col, state in enumerate(STATES, start=2):
                    sheet.write_number(row, col, values[state], formats["integer"])
                sheet.write_number(
                    row,
                    2 + len(STATES),
                    100.0 * values["completed"] / finished if finished else 0.0,
                    formats["decimal"],
                )
                sheet.write_number(row, 3 + len(STATES), values["attendance"] / values["count"], formats["decimal"])
            total_row = len(rows) + 1
            sheet.write(total_row, 0, self.env._("Total"), formats["total"])
            sheet.write_number(total_row, 1, len(enrolments), formats["total"])

import re

from odoo import models


def sheet_name(batch):
    """Excel refuses []:*?/\\ in sheet names and cuts them at 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", "-", batch.name)[:31]


STATUS_CODES = {"present": "P", "late": "L", "excused": "E", "absent": "A"}


class ReportTrainingAttendanceXlsx(models.AbstractModel):
    """Attendance matrix of a batch: one row per trainee, one column per session."""

    _name = "report.jmsc_training.attendance_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Training Attendance Matrix"

    def generate_xlsx_report(self, workbook, data, batches):
        formats = self._jmsc_xlsx_formats(workbook)
        title, header, date_header = formats["title"], formats["header_center"], formats["header_date"]
        cell, absent, text = formats["text_center"], formats["text_alert"], formats["text"]
        percent = formats["decimal"]  # the attendance rate is stored in 0..100
        for batch in batches:
            sheet = workbook.add_worksheet(sheet_name(batch))
            sessions = batch.session_ids.sorted(lambda s: (s.date, s.hour_start))
            enrolments = batch.enrolment_ids.filtered(lambda e: e.state != "dropped").sorted(
                lambda e: e.partner_id.name or ""
            )
            status = {(line.enrolment_id.id, line.session_id.id): line.status for line in batch.attendance_ids}
            sheet.write(0, 0, batch.name, title)
            sheet.write(1, 0, batch.programme_id.display_name)
            sheet.write(2, 0, batch.centre_id.name or "")
            row = 4
            sheet.write(row, 0, self.env._("No."), header)
            sheet.write(row, 1, self.env._("Trainee"), header)
            sheet.write(row, 2, self.env._("Regency/City"), header)
            for col, session in enumerate(sessions, start=3):
                sheet.write_datetime(row, col, session.date, date_header)
            last = 3 + len(sessions)
            sheet.write(row, last, self.env._("Attended"), header)
            sheet.write(row, last + 1, self.env._("Attendance (%)"), header)
            sheet.set_column(0, 0, 5)
            sheet.set_column(1, 1, 30)
            sheet.set_column(2, 2, 20)
            sheet.set_column(3, last - 1, 4)
            sheet.set_column(last, last + 1, 12)
            sheet.freeze_panes(row + 1, 3)
            for number, enrolment in enumerate(enrolments, start=1):
                row += 1
                sheet.write_number(row, 0, number, text)
                sheet.write(row, 1, enrolment.partner_id.name, text)
                sheet.write(row, 2, enrolment.regency_id.name or "", text)
                attended = 0
                for col, session in enumerate(sessions, start=3):
                    value = status.get((enrolment.id, session.id))
                    attended += value in ("present", "late")
                    sheet.write(row, col, STATUS_CODES.get(value, ""), absent if value == "absent" else cell)
                sheet.write_number(row, last, attended, text)
                sheet.write_number(row, last + 1, enrolment.attendance_rate, percent)
            row += 2
            sheet.write(
                row,
                1,
                self.env._("P = present, L = late, E = excused, A = absent"),
            )

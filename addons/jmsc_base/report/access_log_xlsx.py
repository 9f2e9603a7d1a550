"""XLSX of the access log for one person or one account between two dates (breach notification)."""

from odoo import fields, models


class AccessLogXlsx(models.AbstractModel):
    _name = "report.jmsc_base.access_log_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Access Log XLSX"

    def generate_xlsx_report(self, workbook, data, reports):
        formats = self._jmsc_xlsx_formats(workbook)
        bold, when = formats["header"], formats["datetime"]
        sheet = workbook.add_worksheet(self.env._("Access Log"))
        headers = [
            self.env._("Date (Asia/Jakarta)"),
            self.env._("Account"),
            self.env._("Operation"),
            self.env._("Person"),
            self.env._("Model"),
            self.env._("Record ID"),
            self.env._("Fields"),
            self.env._("Detail"),
            self.env._("IP Address"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 0, 20)
        sheet.set_column(1, 8, 18)
        operations = dict(self.env["jmsc.access.log"]._fields["operation"]._description_selection(self.env))
        row = 1
        for report in reports:
            for line in report._jmsc_lines():
                local = fields.Datetime.context_timestamp(report.with_context(tz="Asia/Jakarta"), line.date)
                sheet.write_datetime(row, 0, local.replace(tzinfo=None), when)
                sheet.write(row, 1, line.user_id.login or "")
                sheet.write(row, 2, operations.get(line.operation, line.operation))
                sheet.write(row, 3, line.partner_id.display_name or "")
                sheet.write(row, 4, line.res_model)
                sheet.write(row, 5, line.res_id)
                sheet.write(row, 6, line.field_names or "")
                sheet.write(row, 7, line.detail or "")
                sheet.write(row, 8, line.ip_address or "")
                row += 1

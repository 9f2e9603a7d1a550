from odoo import models


class ArrearsXlsx(models.AbstractModel):
    _name = "report.jmsc_cooperative.arrears_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Arrears List (XLSX)"

    def generate_xlsx_report(self, workbook, data, dues):
        dues = (dues or self.env["jmsc.coop.due"].search([("is_overdue", "=", True)])).filtered("is_overdue")
        dues = dues.sorted(lambda d: (d.cooperative_id.name or "", d.member_id.number or "", d.month))
        formats = self._jmsc_xlsx_formats(workbook)
        bold, header, date_format = formats["bold"], formats["header"], formats["month"]
        money, money_bold = formats["money"], formats["total_money"]
        sheet = workbook.add_worksheet(self.env._("Arrears"))
        sheet.set_column(0, 2, 24)
        sheet.set_column(3, 6, 16)
        columns = [
            self.env._("Cooperative"),
            self.env._("Member Number"),
            self.env._("Member"),
            self.env._("Month"),
            self.env._("Due"),
            self.env._("Paid"),
            self.env._("Open"),
        ]
        sheet.write_row(0, 0, columns, header)
        sheet.freeze_panes(1, 0)
        row = 1
        for due in dues:
            sheet.write(row, 0, due.cooperative_id.name)
            sheet.write(row, 1, due.member_id.number)
            sheet.write(row, 2, due.member_id.partner_id.name)
            sheet.write_datetime(row, 3, due.month, date_format)
            sheet.write_number(row, 4, due.amount_due, money)
            sheet.write_number(row, 5, due.amount_paid, money)
            sheet.write_number(row, 6, due.amount_open, money)
            row += 1
        sheet.write(row, 0, self.env._("Total"), bold)
        sheet.write_number(row, 6, sum(dues.mapped("amount_open")), money_bold)

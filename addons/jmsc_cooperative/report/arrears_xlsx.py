from odoo import models


class ArrearsXlsx(models.AbstractModel):
    _name = "report.jmsc_cooperative.arrears_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Arrears List (XLSX)"

    def generate_xlsx_report(self, workbook, data, dues):
        dues = (dues or self.env["jmsc.coop.due"].search([("is_overdue", "=", True)])).filtered("is_overdue")
        dues = dues.sorted(lambda d: (d.cooperative_id.name or "", d.member_id.number or "", d.month))
        formats = self._jmsc_xlsx_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Arrears"))
        columns = [
            (self.env._("Cooperative"), 24, lambda due: due.cooperative_id.name, None),
            (self.env._("Member Number"), 24, lambda due: due.member_id.number, None),
            (self.env._("Member"), 24, lambda due: due.member_id.partner_id.name, None),
            (self.env._("Month"), 16, lambda due: due.month, "month"),
            (self.env._("Due"), 16, lambda due: due.amount_due, "money"),
            (self.env._("Paid"), 16, lambda due: due.amount_paid, "money"),
            (self.env._("Open"), 16, lambda due: due.amount_open, "money"),
        ]
        row = self._jmsc_xlsx_table(sheet, formats, columns, dues)
        sheet.write(row, 0, self.env._("Total"), formats["bold"])
        sheet.write_number(row, 6, sum(dues.mapped("amount_open")), formats["total_money"])

from odoo import models

from .report_statement import statement_account_ids, statement_period


class StatementXlsx(models.AbstractModel):
    _name = "report.jmsc_cooperative.statement_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Account Statement (XLSX)"

    def _get_objs_for_report(self, docids, data):
        return self.env["jmsc.coop.account"].browse(statement_account_ids(docids, data))

    def generate_xlsx_report(self, workbook, data, accounts):
        date_from, date_to = statement_period(self.env, data)
        formats = self._jmsc_xlsx_formats(workbook)
        bold, header, date_format = formats["bold"], formats["header"], formats["date"]
        money, money_bold = formats["money"], formats["total_money"]
        for account in accounts:
            statement = account._statement(date_from, date_to)
            sheet = workbook.add_worksheet(account.name[:31])
            sheet.set_column(0, 1, 14)
            sheet.set_column(2, 3, 22)
            sheet.set_column(4, 6, 18)
            sheet.write(0, 0, self.env._("Account Statement"), bold)
            sheet.write(1, 0, self.env._("Account"))
            sheet.write(1, 1, account.name)
            sheet.write(2, 0, self.env._("Member"))
            sheet.write(2, 1, account.member_id.display_name)
            sheet.write(3, 0, self.env._("Product"))
            sheet.write(3, 1, account.product_id.display_name)
            sheet.write(4, 0, self.env._("Period"))
            sheet.write_datetime(4, 1, statement["date_from"], date_format)
            sheet.write_datetime(4, 2, statement["date_to"], date_format)
            sheet.write(5, 0, self.env._("Opening Balance"), bold)
            sheet.write_number(5, 6, statement["opening"], money_bold)
            columns = [
                self.env._("Date"),
                self.env._("Number"),
                self.env._("Type"),
                self.env._("Reference"),
                self.env._("Credit"),
                self.env._("Debit"),
                self.env._("Balance"),
            ]
            sheet.write_row(7, 0, columns, header)
            sheet.freeze_panes(8, 0)
            types = dict(self.env["jmsc.coop.transaction"]._fields["transaction_type"]._description_selection(self.env))
            row = 8
            for line in statement["lines"]:
                sheet.write_datetime(row, 0, line.value_date, date_format)
                sheet.write(row, 1, line.name)
                sheet.write(row, 2, types.get(line.transaction_type))
                sheet.write(row, 3, line.reference or "")
                if line.amount > 0:
                    sheet.write_number(row, 4, line.amount, money)
                else:
                    sheet.write_number(row, 5, -line.amount, money)
                sheet.write_number(row, 6, line.running_balance, money)
                row += 1
            sheet.write(row, 0, self.env._("Closing Balance"), bold)
            sheet.write_number(row, 4, statement["credits"], money_bold)
            sheet.write_number(row, 5, statement["debits"], money_bold)
            sheet.write_number(row, 6, statement["closing"], money_bold)

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
        bold, money_bold = formats["bold"], formats["total_money"]
        types = dict(self.env["jmsc.coop.transaction"]._fields["transaction_type"]._description_selection(self.env))
        columns = [
            (self.env._("Date"), 14, lambda line: line.value_date, "date"),
            (self.env._("Number"), 14, lambda line: line.name, None),
            (self.env._("Type"), 22, lambda line: types.get(line.transaction_type), None),
            (self.env._("Reference"), 22, lambda line: line.reference or "", None),
            (self.env._("Credit"), 18, lambda line: line.amount if line.amount > 0 else None, "money"),
            (self.env._("Debit"), 18, lambda line: None if line.amount > 0 else -line.amount, "money"),
            (self.env._("Balance"), 18, lambda line: line.running_balance, "money"),
        ]
        for account in accounts:
            statement = account._statement(date_from, date_to)
            sheet = workbook.add_worksheet(account.name[:31])
            sheet.write(0, 0, self.env._("Account Statement"), bold)
            self._jmsc_xlsx_labels(
                sheet,
                1,
                [
                    (self.env._("Account"), account.name),
                    (self.env._("Member"), account.member_id.display_name),
                    (self.env._("Product"), account.product_id.display_name),
                ],
            )
            sheet.write(4, 0, self.env._("Period"))
            sheet.write_datetime(4, 1, statement["date_from"], formats["date"])
            sheet.write_datetime(4, 2, statement["date_to"], formats["date"])
            sheet.write(5, 0, self.env._("Opening Balance"), bold)
            sheet.write_number(5, 6, statement["opening"], money_bold)
            row = self._jmsc_xlsx_table(sheet, formats, columns, statement["lines"], row=7)
            sheet.write(row, 0, self.env._("Closing Balance"), bold)
            for col, key in ((4, "credits"), (5, "debits"), (6, "closing")):
                sheet.write_number(row, col, statement[key], money_bold)

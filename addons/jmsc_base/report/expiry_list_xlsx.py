from odoo import models


class ExpiryListXlsx(models.AbstractModel):
    """The selected rows of the Expiring list, soonest first."""

    _name = "report.jmsc_base.expiry_list_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Expiring Items Export"

    def generate_xlsx_report(self, workbook, data, items):
        formats = self._jmsc_xlsx_formats(workbook)
        header, date = formats["header"], formats["date"]
        sheet = workbook.add_worksheet(self.env._("Expiring"))
        columns = [
            (self.env._("Kind"), 24),
            (self.env._("Item"), 40),
            (self.env._("Person or Agency"), 30),
            (self.env._("Regency/City"), 22),
            (self.env._("Expiry Date"), 14),
            (self.env._("Days Left"), 10),
            (self.env._("Expiry"), 14),
            (self.env._("Responsible"), 24),
        ]
        for col, (title, width) in enumerate(columns):
            sheet.write(0, col, title, header)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 2)
        kinds = dict(items._fields["kind"]._description_selection(self.env))
        states = dict(items._fields["expiry_state"]._description_selection(self.env))
        for row, item in enumerate(items.sorted(lambda i: (i.expiry_date, i.id)), start=1):
            sheet.write(row, 0, kinds.get(item.kind, item.kind or ""))
            sheet.write(row, 1, item.name or "")
            sheet.write(row, 2, item.partner_id.sudo().name or "")  # the row is readable: its source is
            sheet.write(row, 3, item.regency_id.name or "")
            sheet.write_datetime(row, 4, item.expiry_date, date)
            sheet.write_number(row, 5, item.days_left)
            sheet.write(row, 6, states.get(item.expiry_state, ""))
            sheet.write(row, 7, item.user_id.sudo().name or "")  # a user's name only

from odoo import models

# The one look of every JMSC workbook: a dark blue header with white bold text, a grid on data cells,
# dates as the officers write them (dd/mm/yyyy), money in rupiah (the IDR currency's format).
HEADER = {"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF", "border": 1, "text_wrap": True}
CELL = {"border": 1}
STYLE = {
    "title": {"bold": True, "font_size": 14},
    "note": {"italic": True, "font_color": "#595959"},
    "bold": {"bold": True},
    "header": HEADER,
    "header_center": dict(HEADER, align="center"),
    "header_date": dict(HEADER, num_format="dd/mm/yyyy", rotation=90),
    "text": CELL,
    "text_center": dict(CELL, align="center"),
    "text_alert": dict(CELL, align="center", bg_color="#F8CBAD"),
    # Digits kept as text (NIK, phone numbers): no scientific notation, no lost leading zero.
    "string": dict(CELL, num_format="@"),
    # A whole column's default (set_column), e.g. an import template: text, no grid down to row 1048576.
    "string_column": {"num_format": "@"},
    # Long text (changes, reasons): wrapped, aligned to the top of the row.
    "text_wrap": dict(CELL, text_wrap=True, valign="top"),
    "date": dict(CELL, num_format="dd/mm/yyyy"),
    "datetime": dict(CELL, num_format="dd/mm/yyyy hh:mm"),
    "month": dict(CELL, num_format="mm/yyyy"),
    "integer": dict(CELL, num_format="#,##0"),
    # Minutes, or a rate already in 0..100 (its header says "%").
    "decimal": dict(CELL, num_format="#,##0.0"),
    # A share in 0..1 shown as a percentage.
    "percent": dict(CELL, num_format="0.0%"),
    "total": {"bold": True, "top": 1, "num_format": "#,##0"},
}


def add_formats(workbook, extra=None):
    """The shared formats on any xlsxwriter workbook, added once per workbook: for files written
    outside a report model (the import template, the import dry run). ``extra`` adds specs a file
    needs beyond STYLE (built from STYLE's own, e.g. ``dict(STYLE["text"], bg_color=...)``)."""
    formats = getattr(workbook, "_jmsc_formats", None)
    if formats is None:
        formats = {}
        workbook._jmsc_formats = formats
    for key, spec in dict(STYLE, **(extra or {})).items():
        if key not in formats:
            formats[key] = workbook.add_format(spec)
    return formats


class JmscXlsxAbstract(models.AbstractModel):
    """Base of every JMSC XLSX report: ``formats = self._jmsc_xlsx_formats(workbook)``, then
    ``formats["header"]``, ``["date"]``, ``["money"]``... Reports never call ``workbook.add_format``
    themselves (jmsc_base's test_shared_bases checks it), so the workbooks look alike."""

    _name = "report.jmsc_base.xlsx_abstract"
    _inherit = "report.report_xlsx.abstract"
    _description = "JMSC Workbook"
    # A one-table report (see generate_xlsx_report): columns kept in view, and a filter on the header.
    _jmsc_xlsx_freeze_columns = 0
    _jmsc_xlsx_autofilter = False

    def _jmsc_xlsx_money_format(self):
        """Rupiah through report_xlsx's currency format (``Rp#,##0.00``)."""
        currency = self.env.ref("base.IDR", raise_if_not_found=False) or self.env.company.currency_id
        return self._report_xlsx_currency_format(currency)

    def _jmsc_xlsx_formats(self, workbook):
        """The shared formats, added once per workbook, with money in rupiah."""
        money = self._jmsc_xlsx_money_format()
        extra = {"money": dict(CELL, num_format=money), "total_money": {"bold": True, "top": 1, "num_format": money}}
        return add_formats(workbook, extra)

    def generate_xlsx_report(self, workbook, data, objects):
        """A workbook of one table: a report that is one list of records defines only
        ``_jmsc_xlsx_sheet(objects)`` returning ``(sheet title, columns, items)`` (columns as in
        ``_jmsc_xlsx_table``). Reports with more sheets or heading blocks override this method."""
        title, columns, items = self._jmsc_xlsx_sheet(objects)
        sheet = workbook.add_worksheet(title)
        formats = self._jmsc_xlsx_formats(workbook)
        self._jmsc_xlsx_table(sheet, formats, columns, items, freeze_columns=self._jmsc_xlsx_freeze_columns)
        if self._jmsc_xlsx_autofilter:
            sheet.autofilter(0, 0, max(len(items), 1), len(columns) - 1)
        return sheet

    def _jmsc_xlsx_sheet(self, objects):
        raise NotImplementedError()

    def _jmsc_xlsx_table(self, sheet, formats, columns, items, row=0, freeze_columns=0):
        """Write a table from column specs: a header row at ``row``, then one row per item of ``items``;
        return the first row after the table (where a total line goes).

        ``columns`` lists ``(title, width, value, style)``: ``width`` sets the column's width (None keeps
        it), ``value(item)`` gives the cell (None leaves it empty; dates, numbers and booleans are written
        as such), ``style`` is a key of ``formats`` or None ("string" keeps digits as text: NIK, phones)."""
        for col, (title, width, _value, _style) in enumerate(columns):
            sheet.write(row, col, title, formats["header"])
            if width:
                sheet.set_column(col, col, width)
        sheet.freeze_panes(row + 1, freeze_columns)
        for item in items:
            row += 1
            for col, (_title, _width, value, style) in enumerate(columns):
                cell = value(item)
                if style == "string":
                    sheet.write_string(row, col, cell or "", formats[style])
                elif cell is not None:
                    sheet.write(row, col, cell, formats[style] if style else None)
        return row + 1

    def _jmsc_xlsx_labels(self, sheet, row, pairs):
        """Write ``(label, value)`` pairs down columns A and B from ``row`` (a report's heading block:
        account, member, month...); return the row after them."""
        for label, value in pairs:
            sheet.write(row, 0, label)
            sheet.write(row, 1, value)
            row += 1
        return row

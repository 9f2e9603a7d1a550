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

    def _jmsc_xlsx_money_format(self):
        """Rupiah through report_xlsx's currency format (``Rp#,##0.00``)."""
        currency = self.env.ref("base.IDR", raise_if_not_found=False) or self.env.company.currency_id
        return self._report_xlsx_currency_format(currency)

    def _jmsc_xlsx_formats(self, workbook):
        """The shared formats, added once per workbook, with money in rupiah."""
        money = self._jmsc_xlsx_money_format()
        extra = {"money": dict(CELL, num_format=money), "total_money": {"bold": True, "top": 1, "num_format": money}}
        return add_formats(workbook, extra)

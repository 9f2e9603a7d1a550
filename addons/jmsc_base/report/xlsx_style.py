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
        """The shared formats, added once per workbook."""
        formats = getattr(workbook, "_jmsc_formats", None)
        if formats is None:
            money = self._jmsc_xlsx_money_format()
            specs = dict(
                STYLE,
                money=dict(CELL, num_format=money),
                total_money={"bold": True, "top": 1, "num_format": money},
            )
            formats = {key: workbook.add_format(spec) for key, spec in specs.items()}
            workbook._jmsc_formats = formats
        return formats

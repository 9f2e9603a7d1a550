# pylint: disable=consider-merging-classes-inherited
"""The dry run's result as XLSX: one line per row of the file, in the officer's language."""

import io

import xlsxwriter

from odoo import models

from ..report.xlsx_style import STYLE, add_formats
from ..tools import migrant_import_file as template


class JmscMigrantImport(models.Model):
    _inherit = "jmsc.migrant.import"

    def _jmsc_report_xlsx(self):
        self.ensure_one()
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Dry Run"))
        colors = {
            "new": "#E2EFDA",
            "update": "#DDEBF7",
            "unchanged": "#F2F2F2",
            "ambiguous": "#FFF2CC",
            "invalid": "#F8CBAD",
        }
        formats = add_formats(
            book, {f"status_{key}": dict(STYLE["text"], bg_color=color, valign="top") for key, color in colors.items()}
        )
        bold, wrap = formats["header"], formats["text_wrap"]
        status_formats = {key: formats[f"status_{key}"] for key in colors}
        labels = dict(self.env["jmsc.migrant.import.line"]._fields["status"]._description_selection(self.env))
        headers = [
            self.env._("Row"),
            self.env._("Status"),
            self.env._("Changes"),
            self.env._("Candidates"),
            self.env._("Reasons"),
        ] + [header for _key, header, _help in template.COLUMNS]
        widths = [6, 14, 40, 36, 50] + [16] * len(template.COLUMNS)
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 2)
        lines = self.env["jmsc.migrant.import.line"].search_fetch(
            [("import_id", "=", self.id)], ["row_number", "status", "changes", "candidate_info", "reasons", "values"]
        )
        for index, line in enumerate(lines, start=1):
            sheet.write_number(index, 0, line.row_number)
            sheet.write(index, 1, labels.get(line.status, ""), status_formats.get(line.status))
            sheet.write(index, 2, line.changes or "", wrap)
            sheet.write(index, 3, line.candidate_info or "", wrap)
            sheet.write(index, 4, line.reasons or "", wrap)
            values = line.values or {}
            for col, key in enumerate(template.KEYS, start=5):
                sheet.write_string(index, col, values.get(key) or "")
        sheet.autofilter(0, 0, max(len(lines), 1), len(headers) - 1)
        book.close()
        return buffer.getvalue()

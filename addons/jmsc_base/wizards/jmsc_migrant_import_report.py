# pylint: disable=consider-merging-classes-inherited
"""The dry run's result as XLSX: one line per row of the file, in the officer's language."""

import io

import xlsxwriter

from odoo import models
from odoo.tools import SQL

from ..report.xlsx_style import STYLE, add_formats
from ..tools import migrant_import_file as template
from ..tools import xlsx_rows


class JmscMigrantImport(models.Model):
    _inherit = "jmsc.migrant.import"

    def _jmsc_report_xlsx(self):
        self.ensure_one()
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
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
        bold = formats["header"]
        wrap = xlsx_rows.xf_index(formats["text_wrap"])
        status_styles = {key: xlsx_rows.xf_index(formats[f"status_{key}"]) for key in colors}
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
        # One line per row, read in one query; the rows are streamed into the sheet (100,000 rows fit).
        Line = self.env["jmsc.migrant.import.line"]
        Line.check_access("read")
        Line.flush_model()
        lines = self.env.execute_query(
            SQL(
                "SELECT row_number, status, changes, candidate_info, reasons, values FROM jmsc_migrant_import_line"
                " WHERE import_id = %s ORDER BY row_number, id",
                self.id,
            )
        )
        sheet.autofilter(0, 0, max(len(lines), 1), len(headers) - 1)
        book.close()
        keys = list(enumerate(template.KEYS, start=5))
        rows = (
            xlsx_rows.row_xml(
                index,
                [
                    (0, row_number, None),
                    (1, labels.get(status, ""), status_styles.get(status)),
                    (2, changes, wrap),
                    (3, candidates, wrap),
                    (4, reasons, wrap),
                    *((col, (values or {}).get(key), None) for col, key in keys),
                ],
            )
            for index, (row_number, status, changes, candidates, reasons, values) in enumerate(lines, start=1)
        )
        return xlsx_rows.with_rows(buffer.getvalue(), rows, len(lines), len(headers) - 1)

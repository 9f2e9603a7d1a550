from collections import Counter, defaultdict

from odoo import models


class CaseStatisticsXlsx(models.AbstractModel):
    """Monthly case counts per case type, regency, destination country and channel, and SLA compliance."""

    _name = "report.jmsc_helpdesk.case_statistics_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Call Centre Monthly Statistics (XLSX)"

    def generate_xlsx_report(self, workbook, data, tickets):
        months = sorted({ticket.jmsc_sla_start.strftime("%Y-%m") for ticket in tickets})
        formats = self._jmsc_xlsx_formats(workbook)
        none_label = self.env._("(none)")
        axes = [
            ("category_id", self.env._("By Case Type")),
            ("jmsc_regency_id", self.env._("By Regency")),
            ("jmsc_country_id", self.env._("By Country")),
            ("channel_id", self.env._("By Channel")),
        ]
        for field_name, title in axes:
            counts = Counter(
                (ticket[field_name].display_name or none_label, ticket.jmsc_sla_start.strftime("%Y-%m"))
                for ticket in tickets
            )
            rows = sorted({key for key, _month in counts})
            self._write_matrix(workbook, formats, title, rows, months, counts)
        self._write_sla(workbook, formats, tickets, none_label)

    def _write_matrix(self, workbook, formats, title, rows, months, counts):
        sheet = workbook.add_worksheet(title[:31])
        sheet.write(0, 0, title, formats["title"])
        sheet.write(2, 0, "", formats["header"])
        for col, month in enumerate(months, start=1):
            sheet.write(2, col, month, formats["header"])
        sheet.write(2, len(months) + 1, self.env._("Total"), formats["header"])
        for row, key in enumerate(rows, start=3):
            sheet.write(row, 0, key, formats["text"])
            for col, month in enumerate(months, start=1):
                sheet.write_number(row, col, counts.get((key, month), 0), formats["integer"])
            sheet.write_number(row, len(months) + 1, sum(counts.get((key, m), 0) for m in months), formats["integer"])
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, len(months) + 1, 10)
        sheet.freeze_panes(3, 1)

    def _write_sla(self, workbook, formats, tickets, none_label):
        sheet = workbook.add_worksheet(self.env._("SLA Compliance")[:31])
        sheet.write(0, 0, self.env._("SLA Compliance"), formats["title"])
        stats = defaultdict(lambda: [0, 0, 0])
        for ticket in tickets:
            line = stats[ticket.category_id.display_name or none_label]
            line[0] += 1
            line[1] += int(ticket.closed)
            line[2] += int(ticket.jmsc_sla_breached)
        # (name, cases, closed, breached) per case type, by name
        lines = [(name, *counts) for name, counts in sorted(stats.items())]
        columns = [
            (self.env._("Case Type"), 40, lambda line: line[0], "text"),
            (self.env._("Cases"), 12, lambda line: line[1], "integer"),
            (self.env._("Closed"), 12, lambda line: line[2], "integer"),
            (self.env._("Breached"), 12, lambda line: line[3], "integer"),
            (self.env._("Within SLA"), 12, lambda line: line[1] - line[3], "integer"),
            (self.env._("Compliance"), 12, lambda line: (line[1] - line[3]) / line[1] if line[1] else 0.0, "percent"),
        ]
        self._jmsc_xlsx_table(sheet, formats, columns, lines, row=2, freeze_columns=1)

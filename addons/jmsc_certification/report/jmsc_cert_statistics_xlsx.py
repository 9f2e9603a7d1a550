import re

from odoo import models

STATES = ("valid", "expiring", "expired", "suspended", "revoked")


class JmscCertStatisticsXlsx(models.AbstractModel):
    _name = "report.jmsc_certification.certificate_statistics_xlsx"
    _inherit = "report.jmsc_certification.certificate_xlsx_abstract"
    _description = "Certificate Statistics (XLSX)"

    def generate_xlsx_report(self, workbook, data, certificates):
        labels = dict(certificates._fields["state"]._description_selection(self.env))
        formats = self._jmsc_xlsx_formats(workbook)
        header, total_format = formats["header"], formats["total"]
        for title, field in (
            (self.env._("By Scheme"), "scheme_id"),
            (self.env._("By LSP"), "lsp_id"),
            (self.env._("By Regency"), "regency_id"),
        ):
            sheet = workbook.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", title))
            sheet.write(0, 0, title, header)
            sheet.set_column(0, 0, 36)
            for col, state in enumerate(STATES, start=1):
                sheet.write(0, col, labels[state], header)
            sheet.write(0, len(STATES) + 1, self.env._("Total"), header)
            sheet.freeze_panes(1, 1)
            counts = {}
            for certificate in certificates:
                key = certificate[field].display_name or self.env._("Undefined")
                counts.setdefault(key, dict.fromkeys(STATES, 0))[certificate.state] += 1
            row = 0
            for row, key in enumerate(sorted(counts), start=1):
                sheet.write(row, 0, key)
                for col, state in enumerate(STATES, start=1):
                    sheet.write_number(row, col, counts[key][state])
                sheet.write_number(row, len(STATES) + 1, sum(counts[key].values()))
            sheet.write(row + 1, 0, self.env._("Total"), total_format)
            for col, state in enumerate(STATES, start=1):
                sheet.write_number(row + 1, col, sum(c[state] for c in counts.values()), total_format)
            sheet.write_number(row + 1, len(STATES) + 1, len(certificates), total_format)

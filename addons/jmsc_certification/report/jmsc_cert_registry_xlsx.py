from odoo import models


class JmscCertRegistryXlsx(models.AbstractModel):
    _name = "report.jmsc_certification.certificate_registry_xlsx"
    _inherit = "report.jmsc_certification.certificate_xlsx_abstract"
    _description = "Certificate Registry (XLSX)"

    def generate_xlsx_report(self, workbook, data, certificates):
        sheet = workbook.add_worksheet(self.env._("Certificates"))
        labels = dict(certificates._fields["state"]._description_selection(self.env))
        formats = self._jmsc_xlsx_formats(workbook)
        header, date_format = formats["header"], formats["date"]
        columns = [
            (self.env._("Certificate Number"), 24),
            (self.env._("Registration Number"), 20),
            (self.env._("Holder"), 30),
            (self.env._("Regency/City"), 20),
            (self.env._("Scheme"), 34),
            (self.env._("LSP"), 28),
            (self.env._("Issue Date"), 12),
            (self.env._("Expiry Date"), 12),
            (self.env._("Status"), 14),
        ]
        for col, (title, width) in enumerate(columns):
            sheet.write(0, col, title, header)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        for row, certificate in enumerate(certificates.sorted(lambda c: (c.scheme_id.code, c.name)), start=1):
            sheet.write(row, 0, certificate.name)
            sheet.write(row, 1, certificate.registration_number or "")
            sheet.write(row, 2, certificate.partner_id.name)
            sheet.write(row, 3, certificate.regency_id.name or "")
            sheet.write(row, 4, certificate.scheme_id.display_name)
            sheet.write(row, 5, certificate.lsp_id.name)
            sheet.write_datetime(row, 6, certificate.issue_date, date_format)
            sheet.write_datetime(row, 7, certificate.expiry_date, date_format)
            sheet.write(row, 8, labels[certificate.state])
        sheet.autofilter(0, 0, max(len(certificates), 1), len(columns) - 1)

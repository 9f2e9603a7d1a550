from odoo import models


class JmscCertRegistryXlsx(models.AbstractModel):
    _name = "report.jmsc_certification.certificate_registry_xlsx"
    _inherit = "report.jmsc_certification.certificate_xlsx_abstract"
    _description = "Certificate Registry (XLSX)"
    _jmsc_xlsx_autofilter = True

    def _jmsc_xlsx_sheet(self, certificates):
        labels = dict(certificates._fields["state"]._description_selection(self.env))
        columns = [
            (self.env._("Certificate Number"), 24, lambda cert: cert.name, None),
            (self.env._("Registration Number"), 20, lambda cert: cert.registration_number or "", None),
            (self.env._("Holder"), 30, lambda cert: cert.partner_id.name, None),
            (self.env._("Regency/City"), 20, lambda cert: cert.regency_id.name or "", None),
            (self.env._("Scheme"), 34, lambda cert: cert.scheme_id.display_name, None),
            (self.env._("LSP"), 28, lambda cert: cert.lsp_id.name, None),
            (self.env._("Issue Date"), 12, lambda cert: cert.issue_date, "date"),
            (self.env._("Expiry Date"), 12, lambda cert: cert.expiry_date, "date"),
            (self.env._("Status"), 14, lambda cert: labels[cert.state], None),
        ]
        return self.env._("Certificates"), columns, certificates.sorted(lambda c: (c.scheme_id.code, c.name))

from odoo import models


class JmscCertXlsxAbstract(models.AbstractModel):
    """Certificate workbooks: the records come from the report wizard's domain, searched with the user's rights."""

    _name = "report.jmsc_certification.certificate_xlsx_abstract"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Certificate Workbook"

    def _get_objs_for_report(self, docids, data):
        if data and data.get("certificate_domain") is not None:
            return self.env["jmsc.cert.certificate"].search(data["certificate_domain"])
        return super()._get_objs_for_report(docids, data)

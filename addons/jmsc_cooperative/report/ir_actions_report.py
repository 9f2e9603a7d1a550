from odoo import models

from .statement_pdf import render_statements_pdf

STATEMENT_REPORT = "jmsc_cooperative.report_statement"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        """The account statement is drawn with reportlab (fast for any length), not by wkhtmltopdf.

        Same entry point as every PDF (the web client's /report/download, report_action, _render),
        same data and the same account look-up as the QWeb statement, read with the user's rights."""
        report = self._get_report(report_ref)
        if report.report_name != STATEMENT_REPORT:
            return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        values = self.env[f"report.{STATEMENT_REPORT}"]._get_report_values(res_ids, data)
        return render_statements_pdf(self.env, values["statements"]), "pdf"

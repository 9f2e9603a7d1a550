"""Who saw what: report downloads (PDF and XLSX) are logged (jmsc.access.log)."""

from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _jmsc_log_report(self, report_ref, res_ids):
        if self.env.su:
            return
        report = self._get_report(report_ref)
        if not report.model or report.model not in self.env:
            return
        records = self.env[report.model].browse(res_ids or [])
        if isinstance(res_ids, int):
            records = self.env[report.model].browse([res_ids])
        self.env["jmsc.access.log"]._jmsc_log_records("report", records, detail=report.name)

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        result = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        self._jmsc_log_report(report_ref, res_ids)
        return result

    def _render_xlsx(self, report_ref, docids, data):
        result = super()._render_xlsx(report_ref, docids, data)
        self._jmsc_log_report(report_ref, docids)
        return result

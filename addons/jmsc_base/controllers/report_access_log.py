"""Who saw what: report downloads (PDF, XLSX, HTML) are logged (jmsc.access.log) where the web client asks
for them, so the model ir.actions.report is left as it is."""

from odoo.addons.report_xlsx.controllers.main import ReportController
from odoo.http import request, route

LOGGED_CONVERTERS = ("pdf", "xlsx", "html", "text")


def _read_write(_controller):
    """The report routes write the access log: a read/write cursor (the parent route is read-only)."""
    return False


class JmscReportController(ReportController):
    @route(readonly=_read_write)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        response = super().report_routes(reportname, docids=docids, converter=converter, **data)
        if converter in LOGGED_CONVERTERS:
            report = request.env["ir.actions.report"]._get_report_from_name(reportname)
            if report and report.model in request.env:
                ids = [int(i) for i in docids.split(",") if i] if isinstance(docids, str) else list(docids or [])
                records = request.env[report.model].browse(ids)
                request.env["jmsc.access.log"]._jmsc_log_records("report", records, detail=report.name)
        return response

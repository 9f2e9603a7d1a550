from odoo import api, models


class CaseSummaryReport(models.AbstractModel):
    _name = "report.jmsc_helpdesk.report_case_summary"
    _description = "Case Summary (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["helpdesk.ticket"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "helpdesk.ticket",
            "docs": docs,
            "show_personal_data": self.env.user.has_group("jmsc_helpdesk.group_jmsc_helpdesk_case_manager"),
        }

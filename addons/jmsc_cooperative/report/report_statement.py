from odoo import api, fields, models


def statement_period(env, data):
    """The period asked for in the report data, else the current month."""
    today = fields.Date.context_today(env["jmsc.coop.account"])
    data = data or {}
    date_from = fields.Date.to_date(data.get("date_from")) or today.replace(day=1)
    date_to = fields.Date.to_date(data.get("date_to")) or today
    return date_from, date_to


class ReportStatement(models.AbstractModel):
    _name = "report.jmsc_cooperative.report_statement"
    _description = "Account Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        accounts = self.env["jmsc.coop.account"].browse(docids)
        date_from, date_to = statement_period(self.env, data)
        return {
            "doc_ids": docids,
            "doc_model": "jmsc.coop.account",
            "docs": accounts,
            "statements": [account._statement(date_from, date_to) for account in accounts],
        }

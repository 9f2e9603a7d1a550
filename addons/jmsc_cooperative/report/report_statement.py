from odoo import api, fields, models

from ..models.money import format_rupiah


def statement_period(env, data):
    """The period asked for in the report data, else the current month."""
    today = env["res.partner"]._coop_user_today()  # the ledger's day, as the postings are dated
    data = data or {}
    date_from = fields.Date.to_date(data.get("date_from")) or today.replace(day=1)
    date_to = fields.Date.to_date(data.get("date_to")) or today
    return date_from, date_to


def statement_account_ids(docids, data):
    """The accounts of the statement. The web client sends a report action that has `data` to
    /report/pdf/<report>?options=...&context=... without ids in the path: take them from the data
    (or the action's active_ids), else the statement renders as a blank page."""
    if docids:
        return docids
    data = data or {}
    context = data.get("context") or {}
    ids = data.get("account_ids") or (
        context.get("active_ids") if context.get("active_model", "jmsc.coop.account") == "jmsc.coop.account" else []
    )
    return [int(i) for i in ids or []]


class ReportStatement(models.AbstractModel):
    _name = "report.jmsc_cooperative.report_statement"
    _description = "Account Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        accounts = self.env["jmsc.coop.account"].browse(statement_account_ids(docids, data))
        date_from, date_to = statement_period(self.env, data)
        return {
            "doc_ids": accounts.ids,
            "doc_model": "jmsc.coop.account",
            "docs": accounts,
            "statements": [account._statement(date_from, date_to) for account in accounts],
            "rupiah": format_rupiah,
        }


class ReportPassbook(models.AbstractModel):
    _name = "report.jmsc_cooperative.report_passbook"
    _description = "Member Passbook Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": "jmsc.coop.member",
            "docs": self.env["jmsc.coop.member"].browse(docids),
            "rupiah": format_rupiah,
        }

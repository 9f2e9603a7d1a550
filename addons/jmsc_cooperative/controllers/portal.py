from odoo import fields, http
from odoo.addons.jmsc_base.tools.portal import portal_counter
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from ..models.money import format_rupiah


class CooperativePortal(CustomerPortal):
    def _my_savings_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        return portal_counter(values, counters, "savings_count", "jmsc.coop.account", self._my_savings_domain())

    @http.route(["/my/savings"], type="http", auth="user", website=True)
    def portal_my_savings(self, **kw):
        accounts = request.env["jmsc.coop.account"].search(self._my_savings_domain())
        values = self._prepare_portal_layout_values()
        values.update({"accounts": accounts, "page_name": "savings", "rupiah": format_rupiah})
        return request.render("jmsc_cooperative.portal_my_savings", values)

    @http.route(["/my/savings/<int:account_id>"], type="http", auth="user", website=True)
    def portal_my_savings_statement(self, account_id, date_from=None, date_to=None, report_type=None, **kw):
        account = request.env["jmsc.coop.account"].browse(account_id)
        try:
            account.check_access("read")
            if account.partner_id != request.env.user.partner_id:
                raise AccessError(request.env._("This is not your account."))
        except (AccessError, MissingError):
            return request.redirect("/my/savings")
        today = account._coop_today()  # the ledger's day, as the postings are dated
        try:
            start = fields.Date.to_date(date_from) or today.replace(day=1)
            end = fields.Date.to_date(date_to) or today
        except ValueError:
            start, end = today.replace(day=1), today
        if report_type == "pdf":
            data = {"date_from": fields.Date.to_string(start), "date_to": fields.Date.to_string(end)}
            # the account was checked above with the member's own rights
            pdf = (
                request.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf("jmsc_cooperative.action_report_statement", account.ids, data=data)[0]
            )
            headers = [("Content-Type", "application/pdf"), ("Content-Length", len(pdf))]
            return request.make_response(pdf, headers=headers)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "account": account,
                "statement": account._statement(start, end),
                "page_name": "savings_statement",
                "rupiah": format_rupiah,
            }
        )
        return request.render("jmsc_cooperative.portal_my_savings_statement", values)

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tools import float_compare, float_round

PAYING_TYPES = ("deposit", "transfer")


class JmscCoopDue(models.Model):
    """The mandatory savings (Simpanan Wajib) due by a member for one month."""

    _name = "jmsc.coop.due"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Monthly Due"
    _order = "month, id"

    account_id = fields.Many2one("jmsc.coop.account", required=True, index=True, ondelete="cascade", readonly=True)
    member_id = fields.Many2one(related="account_id.member_id", store=True, index=True)
    cooperative_id = fields.Many2one(related="account_id.cooperative_id", store=True, index=True)
    month = fields.Date(required=True, index=True, readonly=True)
    amount_due = fields.Monetary(required=True, readonly=True)
    amount_paid = fields.Monetary(readonly=True)
    amount_open = fields.Monetary(compute="_compute_state", store=True)
    waived = fields.Boolean(readonly=True, help="Set when the membership ended before the due was paid.")
    state = fields.Selection(
        [("open", "Open"), ("partial", "Partially Paid"), ("paid", "Paid"), ("waived", "Waived")],
        compute="_compute_state",
        store=True,
        index=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="In Arrears")

    _sql_constraints = [
        ("month_unique", "unique(account_id, month)", "A member owes one due per month and account."),
    ]

    @api.depends("amount_due", "amount_paid", "waived")
    def _compute_state(self):
        for due in self:
            due.amount_open = 0.0 if due.waived else float_round(due.amount_due - due.amount_paid, precision_digits=2)
            if due.waived:
                due.state = "waived"
            elif float_compare(due.amount_paid, due.amount_due, precision_digits=2) >= 0:
                due.state = "paid"
            elif due.amount_paid:
                due.state = "partial"
            else:
                due.state = "open"

    def _compute_is_overdue(self):
        this_month = office_today(self).replace(day=1)
        for due in self:
            due.is_overdue = due.state in ("open", "partial") and due.month < this_month

    def _search_is_overdue(self, operator, value):
        this_month = office_today(self).replace(day=1)
        overdue = [("state", "in", ("open", "partial")), ("month", "<", this_month)]
        if (operator == "=") == bool(value):
            return overdue
        return ["|", ("state", "not in", ("open", "partial")), ("month", ">=", this_month)]

    def _compute_display_name(self):
        for due in self:
            due.display_name = (
                f"{due.member_id.display_name} {due.month:%Y-%m}" if due.month else due.member_id.display_name
            )

    @api.model
    def _cron_generate_dues(self):
        self._generate_dues()

    @api.model
    def _generate_dues(self, until=None):
        """Create the missing monthly dues, from each member's join month up to `until` (this month)."""
        until = (fields.Date.to_date(until) or office_today(self)).replace(day=1)
        accounts = (
            self.env["jmsc.coop.account"]
            .sudo()
            .search(
                [
                    ("kind", "=", "wajib"),
                    ("state", "!=", "closed"),
                    ("member_id.status", "=", "active"),
                    ("product_id.monthly_due", ">", 0),
                ]
            )
        )
        existing = {(due.account_id.id, due.month) for due in self.sudo().search([("account_id", "in", accounts.ids)])}
        vals_list = []
        for account in accounts:
            month = account.member_id.join_date.replace(day=1)
            while month <= until:
                if (account.id, month) not in existing:
                    vals_list.append(
                        {"account_id": account.id, "month": month, "amount_due": account.product_id.monthly_due}
                    )
                month += relativedelta(months=1)
        dues = self.sudo().create(vals_list)
        self._allocate_payments(dues.account_id)
        return dues

    @api.model
    def _allocate_payments(self, accounts):
        """Spread what each account has received over its dues, oldest month first."""
        domain = [
            ("account_id", "in", accounts.ids),
            "|",
            "&",
            ("transaction_type", "in", PAYING_TYPES),
            ("amount", ">", 0),
            "&",
            ("transaction_type", "=", "reversal"),
            ("reversal_of_id.transaction_type", "in", PAYING_TYPES),
        ]
        paid = dict(self.env["jmsc.coop.transaction"].sudo()._read_group(domain, ["account_id"], ["amount:sum"]))
        dues = self.sudo().search([("account_id", "in", accounts.ids), ("waived", "=", False)], order="month, id")
        remaining = {account: paid.get(account, 0.0) for account in accounts.sudo()}
        for due in dues:
            share = max(0.0, min(due.amount_due, remaining[due.account_id]))
            remaining[due.account_id] -= share
            if float_compare(due.amount_paid, share, precision_digits=2):
                due.amount_paid = share

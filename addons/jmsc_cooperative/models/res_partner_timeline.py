# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.addons.jmsc_base.tools.office_day import office_today

from .money import format_rupiah

# the kinds of events the cooperative reports and their options (see _jmsc_timeline_source)
KINDS = {
    "coop_join": {"icon": "fa-users"},
    "coop_leave": {"icon": "fa-user-times", "sequence": 70},
    "coop_balance": {"icon": "fa-money", "sequence": 95},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """The cooperative's part of the migrant timeline: joining and leaving a cooperative, and the balance of
        each savings account at the end of every month with postings (one grouped read, whatever the number of
        transactions)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        members = self._jmsc_timeline_read(
            "jmsc.coop.member", partners, ["partner_id", "cooperative_id", "number", "join_date", "status", "end_date"]
        )
        add = self._jmsc_timeline_source(events, "jmsc_cooperative", KINDS, self.env._("Cooperative"))
        statuses = self._jmsc_timeline_selection_labels("jmsc.coop.member", "status")
        # The cooperative's name where the user may read that contact (a portal member may not): one query.
        readable = members.cooperative_id._filtered_access("read")
        for member in members:
            cooperative = member.cooperative_id & readable
            detail = ", ".join(x for x in [cooperative.name, member.number] if x)
            add("coop_join", member, member.join_date, self.env._("Joined the cooperative"), detail)
            if member.end_date and member.status != "active":
                title = self.env._("Left the cooperative: %s", statuses.get(member.status, member.status))
                add("coop_leave", member, member.end_date, title, detail)
        Transaction = self.env["jmsc.coop.transaction"]
        if not members or not Transaction.has_access("read"):
            return events
        groups = Transaction._read_group(
            [("member_id", "in", members.ids)], ["account_id", "value_date:month"], ["amount:sum"]
        )
        today = office_today(self)
        balances = {}
        for account, month, amount in sorted(groups, key=lambda g: (g[0].id, g[1])):
            balance = balances[account] = balances.get(account, 0.0) + amount
            month_end = min(month + relativedelta(day=31), today)
            detail = self.env._(
                "%(account)s: %(balance)s (change %(change)s)",
                account=", ".join(x for x in [account.product_id.name, account.name] if x),
                balance=format_rupiah(balance),
                change=("+" if amount > 0 else "") + format_rupiah(amount),
            )
            add("coop_balance", account, month_end, self.env._("Monthly savings balance"), detail)
        return events

# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .money import format_rupiah


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """The cooperative's part of the migrant timeline: joining and leaving a cooperative, and the balance of
        each savings account at the end of every month with postings (one grouped read, whatever the number of
        transactions)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        partners = partners.filtered("id")
        Member = self.env["jmsc.coop.member"]
        if not partners or not Member.has_access("read"):
            return events
        source = self.env._("Cooperative")
        members = Member.search_fetch(
            [("partner_id", "in", partners.ids)],
            ["partner_id", "cooperative_id", "number", "join_date", "status", "end_date"],
        )
        statuses = self._jmsc_timeline_selection_labels("jmsc.coop.member", "status")
        # The cooperative's name where the user may read that contact (a portal member may not): one query.
        readable = members.cooperative_id._filtered_access("read")
        for member in members:
            cooperative = member.cooperative_id & readable
            detail = ", ".join(x for x in [cooperative.name, member.number] if x)
            ref = ("jmsc.coop.member", member.id)
            events.append(
                self._jmsc_timeline_event(
                    member.partner_id.id,
                    member.join_date,
                    "coop_join",
                    "jmsc_cooperative",
                    self.env._("Joined the cooperative"),
                    detail,
                    *ref,
                    "fa-users",
                    source=source,
                )
            )
            if member.end_date and member.status != "active":
                events.append(
                    self._jmsc_timeline_event(
                        member.partner_id.id,
                        member.end_date,
                        "coop_leave",
                        "jmsc_cooperative",
                        self.env._("Left the cooperative: %s", statuses.get(member.status, member.status)),
                        detail,
                        *ref,
                        "fa-user-times",
                        sequence=70,
                        source=source,
                    )
                )
        Transaction = self.env["jmsc.coop.transaction"]
        if not members or not Transaction.has_access("read"):
            return events
        groups = Transaction._read_group(
            [("member_id", "in", members.ids)], ["account_id", "value_date:month"], ["amount:sum"]
        )
        today = fields.Date.context_today(self)
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
            events.append(
                self._jmsc_timeline_event(
                    account.partner_id.id,
                    month_end,
                    "coop_balance",
                    "jmsc_cooperative",
                    self.env._("Monthly savings balance"),
                    detail,
                    "jmsc.coop.account",
                    account.id,
                    "fa-money",
                    sequence=95,
                    source=source,
                )
            )
        return events

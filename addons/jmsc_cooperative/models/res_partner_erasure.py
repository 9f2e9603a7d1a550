# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_cooperative: memberships and savings of a person (erasure and "data about me").

The ledger is immutable and must balance: memberships, accounts, transactions and dues stay, with their
amounts, attached to the anonymised person (no longer identifiable). Only free text is erased: the holds'
reasons, and the transactions' notes and references through the posting service's own switch
(ledger_guard.posting_guard), which changes no amount.
"""

from odoo import models

from .ledger_guard import posting_guard


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        members = self._jmsc_privacy_records("jmsc.coop.member")
        accounts = members.with_context(active_test=False).account_ids
        purpose = self.env._("Savings with a migrant workers' cooperative")
        recipients = self.env._("The cooperative and the cooperative supervisor (Dinas Koperasi)")
        ledger = self.env._(
            "Kept: the cooperative must keep its books (UU 25/1992 on cooperatives) and the ledger must balance; "
            "the amounts stay, attached to the anonymised person."
        )
        return categories + self._jmsc_privacy_service(
            purpose,
            recipients,
            ledger,
            [
                {
                    "key": "coop_members",
                    "label": self.env._("Cooperative memberships"),
                    "records": members,
                    "fields": ["number", "cooperative_id", "status", "join_date", "total_balance"],
                },
                {
                    "key": "coop_accounts",
                    "label": self.env._("Savings accounts"),
                    "records": accounts,
                    "fields": ["name", "product_id", "state", "balance", "last_value_date"],
                },
                {
                    "key": "coop_transactions",
                    "label": self.env._("Savings transactions"),
                    "records": accounts.transaction_ids,
                    "values": {"note": False, "reference": False},
                    "fields": [
                        "name",
                        "value_date",
                        "transaction_type",
                        "amount",
                        "running_balance",
                        "channel",
                        "source_country_id",
                        "reference",
                        "note",
                    ],
                },
                {
                    "key": "coop_holds",
                    "label": self.env._("Holds on savings"),
                    "records": accounts.hold_ids,
                    "values": {"reason": "-", "release_reason": False},
                    "fields": ["amount", "reason", "state", "date", "release_date", "release_reason"],
                },
                {
                    "key": "coop_dues",
                    "label": self.env._("Monthly dues"),
                    "records": accounts.due_ids if "due_ids" in accounts._fields else members.due_ids,
                    "fields": ["month", "amount_due", "amount_paid", "state"],
                },
            ],
        )

    def _jmsc_anonymize(self):
        # the transactions' free text is written through the posting switch: no amount changes
        with posting_guard():
            return super()._jmsc_anonymize()

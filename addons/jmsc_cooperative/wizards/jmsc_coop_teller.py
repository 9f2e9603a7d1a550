from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.jmsc_coop_transaction import CHANNELS
from ..models.money import format_rupiah


class JmscCoopTeller(models.TransientModel):
    """The teller screen: find a member, then post a deposit or a withdrawal."""

    _name = "jmsc.coop.teller"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Teller"

    search_term = fields.Char(string="Find Member", help="Member number, NIK or name.")
    member_id = fields.Many2one("jmsc.coop.member", domain=[("status", "=", "active")])
    account_id = fields.Many2one(
        "jmsc.coop.account", domain="[('member_id', '=', member_id), ('state', 'in', ('active', 'dormant'))]"
    )
    balance = fields.Monetary(related="account_id.balance")
    available_balance = fields.Monetary(related="account_id.available_balance")
    amount = fields.Monetary()
    value_date = fields.Date(default=lambda self: self._default_value_date(), required=True)
    channel = fields.Selection(CHANNELS, default="cash", required=True)
    source_country_id = fields.Many2one("res.country", string="Sent From")
    reference = fields.Char()
    last_transaction_id = fields.Many2one("jmsc.coop.transaction", readonly=True)
    last_message = fields.Char(string="Last Posting", readonly=True)

    def _default_value_date(self):
        """Today on the ledger of the teller's cooperative (the day postings are checked against)."""
        return self.env["res.partner"]._coop_user_today()

    @api.depends("member_id")
    def _compute_display_name(self):
        for teller in self:
            teller.display_name = (
                self.env._("Teller: %s", teller.member_id.display_name) if teller.member_id else self.env._("Teller")
            )

    @api.onchange("search_term")
    def _onchange_search_term(self):
        if not self.search_term:
            return None
        term = self.search_term.strip()
        Member = self.env["jmsc.coop.member"]
        active = [("status", "=", "active")]
        members = Member.search(active + [("number", "=ilike", term)], limit=2)
        if not members and term.isdigit() and len(term) == 16:
            # a NIK: resolved through the minimal card, then only members the user may see
            card = self.env["res.partner"]._jmsc_migrant_card_or_none(term)
            if card["match"]:
                members = Member.search(active + [("partner_id", "=", card["partner_id"])], limit=2)
        if not members:
            members = Member.search(active + [("partner_id.name", "ilike", term)], limit=2)
        if len(members) == 1:
            self.member_id = members
            return None
        self.member_id = False
        return {
            "warning": {
                "title": self.env._("Member search"),
                "message": self.env._("No active member matches %s.", term)
                if not members
                else self.env._("Several members match %s: type more of the name, or the member number.", term),
            }
        }

    @api.onchange("member_id")
    def _onchange_member_id(self):
        accounts = self.member_id.account_ids.filtered(lambda a: a.state in ("active", "dormant"))
        self.account_id = accounts.filtered(lambda a: a.kind == "sukarela")[:1] or accounts[:1]

    def action_deposit(self):
        return self._post("deposit")

    def action_withdraw(self):
        return self._post("withdrawal")

    def _post(self, transaction_type):
        self.ensure_one()
        if not self.account_id:
            raise UserError(self.env._("Choose the member and the account first."))
        amount = self.amount
        transaction_id = self.account_id.post_transaction(
            transaction_type,
            amount,
            value_date=self.value_date,
            channel=self.channel,
            source_country_id=self.source_country_id.id,
            reference=self.reference,
        )
        transaction = self.env["jmsc.coop.transaction"].browse(transaction_id)
        values = {
            "amount": format_rupiah(amount),
            "account": self.account_id.name,
            "member": self.member_id.display_name,
            "balance": format_rupiah(transaction.running_balance),
            "number": transaction.name,
        }
        if transaction_type == "deposit":
            message = self.env._(
                "Deposit of %(amount)s to %(account)s (%(member)s) received. "
                "New balance %(balance)s. Transaction number %(number)s.",
                **values,
            )
        else:
            message = self.env._(
                "Withdrawal of %(amount)s from %(account)s (%(member)s) paid out. "
                "New balance %(balance)s. Transaction number %(number)s.",
                **values,
            )
        self.write({"last_transaction_id": transaction_id, "last_message": message, "amount": 0.0, "reference": False})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Deposit posted")
                if transaction_type == "deposit"
                else self.env._("Withdrawal posted"),
                "message": message,
                "sticky": False,
                "next": self._reopen(),
            },
        }

    def _statement_data(self):
        self.ensure_one()
        if not self.account_id:
            raise UserError(self.env._("Choose the member and the account first."))
        today = self.account_id._coop_today()
        return {
            "account_ids": self.account_id.ids,
            "date_from": fields.Date.to_string(today.replace(day=1)),
            "date_to": fields.Date.to_string(today),
        }

    def action_print_statement(self):
        data = self._statement_data()
        return self.account_id._statement_pdf_action(data)

    def action_print_statement_xlsx(self):
        data = self._statement_data()
        return self.env.ref("jmsc_cooperative.action_report_statement_xlsx").report_action(self.account_id, data=data)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "name": self.env._("Teller"),
        }

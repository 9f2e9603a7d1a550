from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ledger_guard import is_posting

TRANSACTION_TYPES = [
    ("deposit", "Deposit"),
    ("withdrawal", "Withdrawal"),
    ("transfer", "Transfer"),
    ("fee", "Fee"),
    ("shu", "Profit Share (SHU)"),
    ("reversal", "Reversal"),
]
CHANNELS = [("cash", "Cash"), ("bank", "Bank"), ("remittance", "Remittance from Abroad")]


class JmscCoopTransaction(models.Model):
    """One posted, immutable line of an account's ledger. Created only by the posting service."""

    _name = "jmsc.coop.transaction"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Savings Transaction"
    _order = "id desc"

    # numbered by the posting service from the cooperative's own no-gap sequence (see _coop_ledger_lock)
    # no single-column index where a composite unique index serves the look-up (cheaper inserts)
    name = fields.Char(string="Number", readonly=True, copy=False)
    account_id = fields.Many2one("jmsc.coop.account", required=True, readonly=True, index=True, ondelete="restrict")
    cooperative_id = fields.Many2one("res.partner", required=True, readonly=True, index=True, ondelete="restrict")
    member_id = fields.Many2one("jmsc.coop.member", required=True, readonly=True, index=True, ondelete="restrict")
    product_id = fields.Many2one("jmsc.coop.product", required=True, readonly=True, ondelete="restrict")
    transaction_type = fields.Selection(TRANSACTION_TYPES, string="Type", required=True, readonly=True)
    amount = fields.Monetary(
        required=True, readonly=True, help="Signed amount in IDR: credits positive, debits negative."
    )
    running_balance = fields.Monetary(readonly=True, help="The account balance after this posting.")
    value_date = fields.Date(required=True, readonly=True, index=True)
    channel = fields.Selection(CHANNELS, required=True, readonly=True, default="cash")
    source_country_id = fields.Many2one("res.country", string="Sent From", readonly=True)
    reference = fields.Char(readonly=True)
    note = fields.Text(readonly=True)
    idempotency_key = fields.Char(readonly=True, copy=False, help="The key the caller sent.")
    system_key = fields.Char(
        readonly=True,
        copy=False,
        help="The key of a posting the system generates (e.g. an SHU share); user input never reaches it.",
    )
    counterpart_id = fields.Many2one(
        "jmsc.coop.transaction", string="Transfer Counterpart", readonly=True, ondelete="restrict"
    )
    counterpart_ids = fields.One2many("jmsc.coop.transaction", "counterpart_id", string="Counterpart Legs")
    reversal_of_id = fields.Many2one("jmsc.coop.transaction", readonly=True, ondelete="restrict")
    reversal_ids = fields.One2many("jmsc.coop.transaction", "reversal_of_id")
    reversed_by_id = fields.Many2one(
        "jmsc.coop.transaction", compute="_compute_reversed_by", search="_search_reversed_by"
    )
    is_reversed = fields.Boolean(compute="_compute_reversed_by", search="_search_is_reversed")

    _sql_constraints = [
        (
            "idempotency_key_unique",
            "unique(cooperative_id, idempotency_key)",
            "An idempotency key can be used once per cooperative.",
        ),
        (
            "system_key_unique",
            "unique(cooperative_id, system_key)",
            "A system posting key can be used once per cooperative.",
        ),
        ("name_unique", "unique(cooperative_id, name)", "The transaction number must be unique per cooperative."),
        ("reversal_once", "unique(reversal_of_id)", "A transaction can be reversed only once."),
        ("amount_not_zero", "CHECK(amount <> 0)", "A transaction amount cannot be zero."),
        ("running_balance_positive", "CHECK(running_balance >= 0)", "A running balance cannot be negative."),
    ]

    @api.depends("reversal_ids")
    def _compute_reversed_by(self):
        for transaction in self:
            transaction.reversed_by_id = transaction.reversal_ids[:1]
            transaction.is_reversed = bool(transaction.reversal_ids)

    def _search_reversed_by(self, operator, value):
        return [("reversal_ids", operator, value)]

    def _search_is_reversed(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on Reversed: %s", operator))
        positive = (operator == "=") == bool(value)
        return [("reversal_ids", "!=" if positive else "=", False)]

    @api.model_create_multi
    def create(self, vals_list):
        if not is_posting():
            raise UserError(self.env._("Transactions are created only by posting them on an account."))
        return super().create(vals_list)

    def write(self, vals):
        if not is_posting():
            raise UserError(
                self.env._("Transaction %s is posted and cannot be changed; post a reversal instead.", self[:1].name)
            )
        return super().write(vals)

    def unlink(self):
        if not is_posting():
            raise UserError(
                self.env._("Transaction %s is posted and cannot be deleted; post a reversal instead.", self[:1].name)
            )
        return super().unlink()

    def action_reverse(self):
        """Post the reversal of this transaction (both legs of a transfer). Cooperative Manager only."""
        self.ensure_one()
        if not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can reverse transaction %s.", self.name))
        self.check_access("read")
        self.account_id.check_access("write")
        self.sudo().cooperative_id._coop_check_user_cooperative()
        reversal = self.account_id._post_reversal(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": reversal.id,
            "view_mode": "form",
        }

from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero, float_round, format_date, ormcache

from .ledger_guard import allow, is_allowed, is_posting, posting_guard
from .ledger_state_sql import LEDGER_STATE_FUNCTION, POST_ONE_FUNCTION
from .money import format_rupiah
from .res_partner import COOP_DEFAULT_TZ

DIGITS = 2
PUBLIC_TYPES = ("deposit", "withdrawal", "transfer", "fee")
PUBLIC_OPTIONS = {"value_date", "channel", "source_country_id", "reference", "idempotency_key"}
POST_DETAILS = PUBLIC_OPTIONS | {"note", "system_key"}
LEDGER_FIELDS = {"balance", "last_value_date"}
FIXED_FIELDS = {"member_id", "product_id", "name"}


class JmscCoopAccount(models.Model):
    """A member's savings account for one product. Its balance moves only through `_post`."""

    _name = "jmsc.coop.account"
    _description = "Cooperative Savings Account"
    _inherit = ["mail.thread", "jmsc.coop.money.mixin"]
    _order = "cooperative_id, name"

    name = fields.Char(string="Account Number", readonly=True, copy=False, index=True)
    member_id = fields.Many2one("jmsc.coop.member", required=True, index=True, ondelete="restrict")
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, index=True, string="Member Contact")
    cooperative_id = fields.Many2one(related="member_id.cooperative_id", store=True, index=True)
    cooperative_name = fields.Char(related="cooperative_id.name", string="Cooperative Name")
    product_id = fields.Many2one("jmsc.coop.product", required=True, index=True, ondelete="restrict")
    kind = fields.Selection(related="product_id.kind", store=True)
    state = fields.Selection(
        [("active", "Active"), ("blocked", "Blocked"), ("dormant", "Dormant"), ("closed", "Closed")],
        required=True,
        default="active",
        tracking=True,
        index=True,
    )
    balance = fields.Monetary(readonly=True, copy=False, default=0.0)
    last_value_date = fields.Date(readonly=True, copy=False)
    hold_ids = fields.One2many("jmsc.coop.hold", "account_id", string="Holds")
    held_amount = fields.Monetary(compute="_compute_available")
    available_balance = fields.Monetary(compute="_compute_available")
    transaction_ids = fields.One2many("jmsc.coop.transaction", "account_id", string="Transactions")
    transaction_count = fields.Integer(compute="_compute_transaction_count")

    _sql_constraints = [
        ("member_product_unique", "unique(member_id, product_id)", "A member has one account per product."),
        ("name_unique", "unique(name)", "The account number must be unique."),
        ("balance_positive", "CHECK(balance >= 0)", "An account balance cannot be negative."),
    ]

    @api.depends("balance", "hold_ids.state", "hold_ids.amount")
    def _compute_available(self):
        for account in self:
            held = sum(account.hold_ids.filtered(lambda h: h.state == "active").mapped("amount"))
            account.held_amount = held
            account.available_balance = account.balance - held

    def _compute_transaction_count(self):
        counts = dict(
            self.env["jmsc.coop.transaction"]._read_group([("account_id", "in", self.ids)], ["account_id"], ["__count"])
        )
        for account in self:
            account.transaction_count = counts.get(account, 0)

    @api.constrains("member_id", "product_id")
    def _check_product_cooperative(self):
        for account in self:
            if account.product_id.cooperative_id != account.member_id.cooperative_id:
                raise ValidationError(
                    self.env._(
                        "Account %(account)s: product %(product)s belongs to another cooperative "
                        "than member %(member)s.",
                        account=account.name,
                        product=account.product_id.display_name,
                        member=account.member_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if any(LEDGER_FIELDS & set(vals) for vals in vals_list):
            raise UserError(self.env._("An account's balance can only change by posting transactions."))
        for vals in vals_list:
            if not is_allowed("account_state"):
                vals.pop("state", None)
            if not vals.get("name") and vals.get("member_id") and vals.get("product_id"):
                member = self.env["jmsc.coop.member"].browse(vals["member_id"])
                product = self.env["jmsc.coop.product"].browse(vals["product_id"])
                vals["name"] = f"{member.number}-{product.code}"
        return super().create(vals_list)

    def write(self, vals):
        if LEDGER_FIELDS & set(vals) and not is_posting():
            raise UserError(self.env._("An account's balance can only change by posting transactions."))
        if FIXED_FIELDS & set(vals):
            raise UserError(self.env._("Account %s: its number, member and product cannot change.", self[:1].name))
        if "state" in vals and not is_allowed("account_state"):
            raise UserError(
                self.env._(
                    "Account %s: its state changes only through the Cooperative Manager's buttons "
                    "(Block, Set Dormant, Activate) or when the membership ends.",
                    self[:1].name,
                )
            )
        if vals.get("state") and vals["state"] != "closed" and any(a.state == "closed" for a in self):
            raise UserError(self.env._("A closed account cannot be reopened."))
        if vals.get("state") == "closed":
            for account in self:
                if not float_is_zero(account.balance, precision_digits=DIGITS):
                    raise UserError(
                        self.env._(
                            "Account %(account)s still holds %(balance)s: withdraw it before closing.",
                            account=account.name,
                            balance=format_rupiah(account.balance),
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_transactions(self):
        if self.transaction_ids:
            raise UserError(self.env._("An account with transactions cannot be deleted."))

    def action_open_transactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_cooperative.jmsc_coop_transaction_action")
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_block(self):
        self._set_state_as_manager("blocked")

    def action_set_dormant(self):
        self._set_state_as_manager("dormant")

    def action_activate(self):
        self._set_state_as_manager("active")

    def action_close(self):
        self._set_state_as_manager("closed")

    def _set_state_as_manager(self, state):
        if not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can change the state of an account."))
        self.check_access("write")
        self.sudo().cooperative_id._coop_check_user_cooperative()
        with allow("account_state"):
            self.write({"state": state})

    def action_check_ledger(self):
        problems = self.check_ledger()
        if problems:
            raise UserError("\n".join(problems))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The ledger of %s account(s) is consistent.", len(self or self.search([]))),
            },
        }

    def action_print_statement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Account Statement"),
            "res_model": "jmsc.coop.statement.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_account_id": self.id},
        }

    # Posting service ------------------------------------------------------------------

    def post_transaction(self, transaction_type, amount, counterpart_account_id=None, **options):
        """Public posting entry point (UI and RPC): checks the caller's rights, returns the transaction id.

        `options` are those of `_post` a caller may choose (PUBLIC_OPTIONS: value_date, channel,
        source_country_id, reference, idempotency_key); the others (closing, note, system_key) stay
        with server code."""
        unknown = set(options) - PUBLIC_OPTIONS
        if unknown:
            raise TypeError(f"post_transaction() got unexpected options: {', '.join(sorted(unknown))}")
        idempotency_key = options.get("idempotency_key")
        self.ensure_one()
        if transaction_type not in PUBLIC_TYPES:
            raise UserError(self.env._("Transactions of type %s cannot be posted directly.", transaction_type))
        if idempotency_key is not None and not isinstance(idempotency_key, str):
            raise ValidationError(self.env._("An idempotency key is a text of at most 100 characters."))
        if idempotency_key and len(idempotency_key) > 100:
            raise ValidationError(self.env._("An idempotency key is a text of at most 100 characters."))
        # READ COMMITTED for this posting when it is the transaction's first statement (RPC, UI): the
        # row locks below then wait for another posting instead of failing with a serialization error
        # (and Odoo's retry back-off); every read after a lock sees what the other posting committed
        self._read_committed()
        self.check_access("write")
        self.sudo().cooperative_id._coop_check_user_cooperative()
        counterpart = self.browse()
        if transaction_type == "transfer":
            counterpart = self.browse(counterpart_account_id).exists()
            if not counterpart:
                raise ValidationError(self.env._("A transfer from %s needs a destination account.", self.name))
            # the receiving account too: it must be readable and writable, and of the user's cooperative
            counterpart.check_access("write")
            counterpart.sudo().cooperative_id._coop_check_user_cooperative()
        if transaction_type == "fee" and not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can charge fees."))
        transaction = self._post(transaction_type, amount, counterpart=counterpart, **options)
        return transaction.id

    def _read_committed(self):
        """Run the rest of this database transaction in READ COMMITTED, if nothing ran in it yet.

        Odoo's REPEATABLE READ makes a posting that waited for another one's row lock fail with a
        serialization error (retried after a back-off): under load on one cooperative, most of the
        time. In READ COMMITTED each statement sees what committed before it started, so a posting
        waits for the lock and goes on. Correctness rests on `_lock_for_posting` either way: the
        rows it returns are read after the locks are held (see there)."""
        cr = self.env.cr
        if self.pool.in_test_mode() or cr._cnx.info.transaction_status != TRANSACTION_STATUS_IDLE:
            return False
        cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        return True

    def init(self):
        result = super().init()
        self.env.cr.execute(LEDGER_STATE_FUNCTION)
        self.env.cr.execute(POST_ONE_FUNCTION)
        return result

    def _lock_for_posting(self, idempotency_key=None, system_key=None, month=None):
        """Lock the account rows (in id order), then the cooperative's ledger (the row of its no-gap
        transaction sequence), and return the ledger state read after both locks are held, in one
        round trip: per account its balance, state, last value date, active holds, member status,
        product rules, the transactions that already used the caller's (or the system's) key in the
        cooperative; and the cooperative's sequence (next number, prefix, padding) and whether the
        month of `month` is closed.

        One call of the database function `jmsc_coop_ledger_state` (see ledger_state_sql.py, whose
        statements PostgreSQL plans once per connection): the two locks, then the read. In READ
        COMMITTED (see `_read_committed`) the read takes its snapshot after the locks are granted, so
        it sees the posting or month closing that held them; in REPEATABLE READ a lock on a row changed
        since the snapshot fails (and the posting is retried), so the snapshot is as fresh as the locks."""
        self.env.flush_all()  # accounts, holds, products, members, periods: read in SQL below
        self.env.cr.execute(
            SQL(
                "SELECT * FROM jmsc_coop_ledger_state(%s::integer[], %s, %s, %s)",
                sorted(self.ids),
                idempotency_key or None,
                system_key or None,
                month.replace(day=1) if month else None,
            ),
            log_exceptions=False,  # a serialization failure here is retried by the caller
        )
        state = {
            row[0]: {
                "balance": row[1] or 0.0,
                "state": row[2],
                "last_value_date": row[3],
                "held": row[4] or 0.0,
                "idempotency_key": row[5],
                "system_key": row[6],
                "cooperative_id": row[7],
                "member_id": row[8],
                "product_id": row[9],
                "member_status": row[10],
                "kind": row[11],
                "min_balance": row[12] or 0.0,
                "allow": {
                    "deposit": row[13],
                    "withdrawal": row[14],
                    "transfer": row[15],
                    "fee": row[16],
                    "shu": row[17],
                    "reversal": True,
                },
                "sequence": row[18]
                and {
                    "id": row[18],
                    "next": row[19],
                    "prefix": row[20],
                    "suffix": row[21],
                    "padding": row[22],
                },  # fmt: skip
                "closed": row[23],
            }
            for row in self.env.cr.fetchall()
        }
        self.invalidate_recordset(["balance", "state", "last_value_date", "available_balance", "held_amount"])
        return state

    def _post(self, transaction_type, amount, counterpart=None, closing=False, **details):
        """Post one transaction (two legs for a transfer) and return it (the debit leg of a transfer).

        `details` (POST_DETAILS): the line's value_date, channel, source_country_id, reference and
        note; the caller's idempotency_key; the system_key of a posting the system generates.
        Locks the account row(s), replays an idempotency key seen before, checks state, product rules,
        closed months and the available balance, then inserts the legs with their running balances.
        """
        unknown = set(details) - POST_DETAILS
        if unknown:
            raise TypeError(f"_post() got unexpected details: {', '.join(sorted(unknown))}")
        self.ensure_one()
        amount = float_round(amount or 0.0, precision_digits=DIGITS)
        if float_compare(amount, 0.0, precision_digits=DIGITS) <= 0:
            raise ValidationError(
                self.env._(
                    "Account %(account)s: the amount must be positive, not %(amount)s.",
                    account=self.name,
                    amount=format_rupiah(amount),
                )
            )
        if details.get("channel") == "remittance" and not details.get("source_country_id"):
            raise ValidationError(self.env._("Account %s: a remittance needs the country it was sent from.", self.name))
        counterpart = counterpart or self.browse()
        if transaction_type == "transfer" and (not counterpart or counterpart == self):
            raise ValidationError(self.env._("A transfer from %s needs another destination account.", self.name))
        sign = 1 if transaction_type in ("deposit", "shu") else -1
        legs = [(self, sign * amount)]
        if transaction_type == "transfer":
            legs.append((counterpart, amount))
        common = {
            "transaction_type": transaction_type,
            "value_date": fields.Date.to_date(details.get("value_date")) or self._coop_today(),
            "channel": details.get("channel") or "cash",
            "source_country_id": details.get("source_country_id") or False,
            "reference": details.get("reference") or False,
            "note": details.get("note") or False,
        }
        keys = {"idempotency_key": details.get("idempotency_key"), "system_key": details.get("system_key")}
        return self._post_legs(legs, common, closing=closing, **keys)

    def _post_reversal(self, original):
        """Reverse a transaction (both legs of a transfer) once."""
        originals = original | original.counterpart_id | original.counterpart_ids
        legs = [(leg.account_id, -leg.amount, {"reversal_of_id": leg.id}) for leg in originals.sorted("id")]
        common = {
            "transaction_type": "reversal",
            "value_date": self._coop_today(),
            "channel": original.channel,
            "source_country_id": original.source_country_id.id,
            "reference": self.env._("Reversal of %s", original.name),
        }
        return self._post_legs(legs, common, reversal_of=originals)

    def _post_legs(self, legs, common, idempotency_key=None, closing=False, reversal_of=None, system_key=None):
        """Insert the legs. `idempotency_key` is the caller's (teller, RPC client); `system_key` is the
        key of a posting the system generates (SHU run): a separate column, out of reach of user input.

        One leg (a deposit, a withdrawal, a fee, an SHU share) is one round trip, `_post_one_leg`
        (issue #15: a posting at most twice a bare create). The general path, for transfers, reversals
        and whatever `_post_one_leg` leaves to it, is two: `_lock_for_posting` (locks and the whole
        ledger state), then one statement that takes the numbers from the cooperative's sequence,
        inserts the legs with their running balances and updates the balances. The rows are
        inserted in SQL, not through `create`: the transaction model has no stored computed field and
        no create hook besides the guard this method is (immutability stays with write and unlink)."""
        if len(legs) == 1 and not reversal_of:
            posted = legs[0][0]._post_one_leg(legs[0][1], common, idempotency_key, system_key, closing)
            if posted:
                return posted.with_env(self.env)
        accounts = self.browse(list(dict.fromkeys(leg[0].id for leg in legs))).sudo()
        ledger = accounts._lock_for_posting(
            idempotency_key=idempotency_key, system_key=system_key, month=common["value_date"]
        )
        if len({state["cooperative_id"] for state in ledger.values()}) > 1:
            raise ValidationError(self.env._("Transfers are only possible between accounts of one cooperative."))
        Transaction = self.env["jmsc.coop.transaction"].sudo()
        first_state = ledger[legs[0][0].id]
        for key_field, key in (("idempotency_key", idempotency_key), ("system_key", system_key)):
            first = key and Transaction.browse(first_state[key_field])
            if first:
                return legs[0][0]._replay_key(first, legs[0][1], common, key)
        if reversal_of:
            done = reversal_of.filtered("reversal_ids")
            if done:
                raise UserError(self.env._("Transaction %s has already been reversed.", done[0].name))
            if reversal_of.filtered(lambda t: t.transaction_type == "reversal"):
                raise UserError(self.env._("A reversal cannot be reversed; post a new transaction instead."))
        cooperative = self.env["res.partner"].browse(first_state["cooperative_id"])
        if first_state["closed"]:
            self.env["jmsc.coop.period"]._raise_closed(cooperative, common["value_date"])
        sequence = first_state["sequence"]
        if not sequence:  # the cooperative's first posting: its sequence (and ledger lock) is created now
            sequence = cooperative._coop_ledger_sequence_locked(month=common["value_date"])
            if sequence["closed"]:
                self.env["jmsc.coop.period"]._raise_closed(cooperative, common["value_date"])
        names = cooperative._coop_sequence_names(sequence, len(legs))
        rows = []
        for index, leg in enumerate(legs):
            account, signed = leg[0].sudo(), leg[1]
            state = ledger[account.id]
            account._check_posting(state, common, signed, closing)
            state["balance"] = float_round(state["balance"] + signed, precision_digits=DIGITS)
            extra = leg[2] if len(leg) > 2 else {}
            rows.append(
                SQL(
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                    "NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')",
                    self.env.uid,
                    self.env.uid,
                    names[index],
                    account.id,
                    state["cooperative_id"],
                    state["member_id"],
                    state["product_id"],
                    common["transaction_type"],
                    signed,
                    state["balance"],
                    common["value_date"],
                    common["channel"],
                    common.get("source_country_id") or None,
                    common.get("reference") or None,
                    common.get("note") or None,
                    (idempotency_key or None) if index == 0 else None,
                    (system_key or None) if index == 0 else None,
                    extra.get("reversal_of_id") or None,
                    None,
                )
            )
        balances = SQL(", ").join(
            SQL("(%s, %s::numeric)", account.id, ledger[account.id]["balance"]) for account in accounts
        )
        self.env.cr.execute(
            SQL(
                """
                WITH numbers AS (
                    UPDATE ir_sequence SET number_next = number_next + %(count)s WHERE id = %(sequence)s
                ), balances AS (
                    UPDATE jmsc_coop_account a SET balance = v.balance, last_value_date = %(date)s
                      FROM (VALUES %(balances)s) AS v(id, balance) WHERE a.id = v.id
                ), legs AS (
                    INSERT INTO jmsc_coop_transaction
                           (create_uid, write_uid, name, account_id, cooperative_id, member_id, product_id,
                            transaction_type, amount, running_balance, value_date, channel, source_country_id,
                            reference, note, idempotency_key, system_key, reversal_of_id, counterpart_id,
                            create_date, write_date)
                    VALUES %(rows)s
                    RETURNING id
                )
                SELECT id FROM legs ORDER BY id
                """,
                count=len(legs),
                sequence=sequence["id"],
                date=common["value_date"],
                balances=balances,
                rows=SQL(", ").join(rows),
            ),
            log_exceptions=False,
        )
        transactions = Transaction.browse([row[0] for row in self.env.cr.fetchall()])
        # what the ORM may hold in cache about the rows just written
        self.env["ir.sequence"].browse(sequence["id"]).invalidate_recordset(["number_next", "number_next_actual"])
        self.env["jmsc.coop.account"].invalidate_model(
            ["balance", "last_value_date", "available_balance", "transaction_ids", "transaction_count"]
        )
        self.env["jmsc.coop.transaction"].invalidate_model(
            ["reversal_ids", "reversed_by_id", "is_reversed", "counterpart_ids"]
        )
        if common["transaction_type"] == "transfer":
            with posting_guard():
                transactions[1].counterpart_id = transactions[0]
        wajib = accounts.filtered(lambda a: ledger[a.id]["kind"] == "wajib")
        if wajib:
            self.env["jmsc.coop.due"]._allocate_payments(wajib)
        return transactions[:1].with_env(self.env)

    def _post_one_leg(self, signed, common, idempotency_key, system_key, closing):
        """The common posting (one leg, e.g. a deposit or a withdrawal) in one round trip: the database
        function `jmsc_coop_post_one` (ledger_state_sql.py) locks, reads the ledger state, applies the
        rules of `_check_posting` and inserts. It inserts only when every rule holds; otherwise it
        changes nothing and this returns an empty recordset: `_post_legs` then takes the general path,
        which raises the error an officer reads, replays a key, or numbers a cooperative's first posting."""
        self.ensure_one()
        self.env.flush_all()  # accounts, holds, products, members, periods: read in SQL
        self.env.cr.execute(
            SQL(
                "SELECT * FROM jmsc_coop_post_one(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                self.id,
                common["transaction_type"],
                signed,
                common["value_date"],
                self._coop_today(),
                bool(closing),
                common["channel"],
                common.get("source_country_id") or None,
                common.get("reference") or None,
                common.get("note") or None,
                idempotency_key or None,
                system_key or None,
                self.env.uid,
            ),
            log_exceptions=False,  # a serialization failure here is retried by the caller
        )
        outcome, transaction_id, kind = self.env.cr.fetchone()
        Transaction = self.env["jmsc.coop.transaction"]
        if outcome in ("idempotency_key", "system_key"):  # the key of a posting seen before
            key = idempotency_key if outcome == "idempotency_key" else system_key
            return self._replay_key(Transaction.sudo().browse(transaction_id), signed, common, key)
        if outcome != "posted":
            return Transaction
        # what the ORM may hold in cache about the rows just written
        self.env["ir.sequence"].invalidate_model(["number_next", "number_next_actual"])
        self.env["jmsc.coop.account"].invalidate_model(
            ["balance", "last_value_date", "available_balance", "transaction_ids", "transaction_count"]
        )
        if kind == "wajib":
            self.env["jmsc.coop.due"]._allocate_payments(self.sudo())
        return Transaction.browse(transaction_id)

    def _coop_today(self):
        """Today on the ledger of this account's cooperative (as res.partner._coop_today)."""
        self.ensure_one()
        return fields.Date.context_today(self.with_context(tz=self._coop_ledger_tz()))

    @ormcache("self.id")
    def _coop_ledger_tz(self):
        """The time zone of this account's ledger day: cached, as every posting reads it (an account never
        changes cooperative; a cooperative's time zone change clears the cache)."""
        self.flush_recordset(["cooperative_id"])
        self.env["res.partner"].flush_model(["tz"])
        self.env.cr.execute(
            SQL(
                "SELECT p.tz FROM jmsc_coop_account a JOIN res_partner p ON p.id = a.cooperative_id WHERE a.id = %s",
                self.id,
            )
        )
        row = self.env.cr.fetchone()
        return (row and row[0]) or COOP_DEFAULT_TZ

    def _replay_key(self, first, signed, common, key):
        """The posting `first` that already used `key` on this account's cooperative: returned again
        when it is the same posting (a client's retry), refused when the key served another one."""
        if (
            first.account_id != self
            or first.transaction_type != common["transaction_type"]
            or float_compare(first.amount, signed, precision_digits=DIGITS)
        ):
            raise ValidationError(
                self.env._(
                    "The idempotency key %(key)s was already used for %(transaction)s, a different posting.",
                    key=key,
                    transaction=first.name,
                )
            )
        return first.with_env(self.env)

    def _check_posting(self, ledger, common, signed, closing):
        """Refuse a leg that breaks the account state, the product rules or the available balance."""
        self.ensure_one()
        tx_type = common["transaction_type"]
        value_date = common["value_date"]
        if ledger["state"] in ("closed", "blocked"):
            raise UserError(
                self.env._(
                    "Account %(account)s is %(state)s: nothing can be posted.",
                    account=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[ledger["state"]],
                )
            )
        if ledger["state"] == "dormant" and signed < 0:
            raise UserError(self.env._("Account %s is dormant: only deposits are accepted.", self.name))
        if ledger["member_status"] != "active" and tx_type != "reversal":
            raise UserError(self.env._("Member %s is no longer active.", self.member_id.display_name))
        if value_date > self._coop_today():
            raise ValidationError(
                self.env._(
                    "Account %(account)s: the value date %(date)s is in the future.",
                    account=self.name,
                    date=format_date(self.env, value_date),
                )
            )
        if ledger["last_value_date"] and value_date < ledger["last_value_date"]:
            raise ValidationError(
                self.env._(
                    "Account %(account)s: the value date %(date)s is before its last posting (%(last)s).",
                    account=self.name,
                    date=format_date(self.env, value_date),
                    last=format_date(self.env, ledger["last_value_date"]),
                )
            )
        allowed = dict(ledger["allow"], withdrawal=ledger["allow"]["withdrawal"] or closing)
        if not allowed.get(tx_type):
            raise UserError(
                self.env._(
                    "Account %(account)s: product %(product)s does not allow %(type)s transactions.",
                    account=self.name,
                    product=self.product_id.display_name,
                    type=dict(
                        self.env["jmsc.coop.transaction"]._fields["transaction_type"]._description_selection(self.env)
                    )[tx_type],
                )
            )
        new_balance = ledger["balance"] + signed
        if signed < 0:
            if float_compare(new_balance - ledger["held"], 0.0, precision_digits=DIGITS) < 0:
                raise UserError(
                    self.env._(
                        "Account %(account)s: the available balance %(available)s does not cover %(amount)s.",
                        account=self.name,
                        available=format_rupiah(ledger["balance"] - ledger["held"]),
                        amount=format_rupiah(-signed),
                    )
                )
            if (
                not closing
                and tx_type != "reversal"
                and float_compare(new_balance, ledger["min_balance"], precision_digits=DIGITS) < 0
            ):
                raise UserError(
                    self.env._(
                        "Account %(account)s: the balance would fall below the minimum of %(minimum)s.",
                        account=self.name,
                        minimum=format_rupiah(ledger["min_balance"]),
                    )
                )

    # Ledger check and statements --------------------------------------------------------

    def check_ledger(self):
        """Public check (read access suffices): the list of inconsistencies found, empty when all is well."""
        accounts = self or self.search([])
        accounts.check_access("read")
        return accounts.sudo()._check_ledger()

    def _check_ledger(self):
        """Balance == sum of postings == last running balance, running balances chain, none negative."""
        accounts = self or self.search([])
        self.env["jmsc.coop.transaction"].flush_model()
        accounts.flush_recordset()
        if not accounts:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT a.id, a.name, a.balance, COALESCE(s.total, 0), COALESCE(s.last_running, 0),
                       COALESCE(s.breaks, 0), COALESCE(s.negatives, 0)
                  FROM jmsc_coop_account a
                  LEFT JOIN (
                        SELECT account_id, SUM(amount) AS total,
                               (ARRAY_AGG(running_balance ORDER BY id DESC))[1] AS last_running,
                               COUNT(*) FILTER (WHERE NOT chained) AS breaks,
                               COUNT(*) FILTER (WHERE running_balance < 0) AS negatives
                          FROM (
                                SELECT account_id, id, amount, running_balance,
                                       running_balance = COALESCE(
                                           LAG(running_balance) OVER (PARTITION BY account_id ORDER BY id), 0
                                       ) + amount AS chained
                                  FROM jmsc_coop_transaction
                                 WHERE account_id IN %(ids)s
                          ) t
                         GROUP BY account_id
                  ) s ON s.account_id = a.id
                 WHERE a.id IN %(ids)s
                 ORDER BY a.id
                """,
                ids=tuple(accounts.ids),
            )
        )
        problems = []
        for _id, name, balance, total, last_running, breaks, negatives in self.env.cr.fetchall():
            if float_compare(balance, total, precision_digits=DIGITS) or float_compare(
                balance, last_running, precision_digits=DIGITS
            ):
                problems.append(
                    self.env._(
                        "Account %(account)s: balance %(balance)s, sum of postings %(total)s, "
                        "last running balance %(last)s.",
                        account=name,
                        balance=format_rupiah(balance),
                        total=format_rupiah(total),
                        last=format_rupiah(last_running),
                    )
                )
            if breaks:
                problems.append(
                    self.env._(
                        "Account %(account)s: %(count)s running balance(s) do not chain.", account=name, count=breaks
                    )
                )
            if negatives:
                problems.append(
                    self.env._(
                        "Account %(account)s: %(count)s negative running balance(s).", account=name, count=negatives
                    )
                )
        return problems

    def _statement(self, date_from, date_to):
        """Opening balance, the lines of the period with their running balances, closing balance."""
        self.ensure_one()
        Transaction = self.env["jmsc.coop.transaction"]
        before = Transaction.search(
            [("account_id", "=", self.id), ("value_date", "<", date_from)], order="id desc", limit=1
        )
        opening = before.running_balance if before else 0.0
        lines = Transaction.search(
            [("account_id", "=", self.id), ("value_date", ">=", date_from), ("value_date", "<=", date_to)], order="id"
        )
        credits = sum(amount for amount in lines.mapped("amount") if amount > 0)
        debits = -sum(amount for amount in lines.mapped("amount") if amount < 0)
        return {
            "account": self,
            "date_from": fields.Date.to_date(date_from),
            "date_to": fields.Date.to_date(date_to),
            "opening": opening,
            "lines": lines,
            "credits": float_round(credits, precision_digits=DIGITS),
            "debits": float_round(debits, precision_digits=DIGITS),
            "closing": lines[-1].running_balance if lines else opening,
        }

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import OFFICE_TZ
from odoo.addons.jmsc_base.tools.related import related_action
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .money import format_rupiah

# The time zone of a cooperative's ledger day when its contact names none: West Java's.
COOP_DEFAULT_TZ = OFFICE_TZ


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_member_ids = fields.One2many("jmsc.coop.member", "partner_id", string="Cooperative Memberships")
    coop_member_count = fields.Integer(compute="_compute_coop_savings", string="Memberships")
    coop_savings_total = fields.Monetary(
        compute="_compute_coop_savings", string="Savings", currency_field="coop_currency_id"
    )
    coop_currency_id = fields.Many2one("res.currency", compute="_compute_coop_currency_id", string="Savings Currency")
    coop_savings_label = fields.Char(compute="_compute_coop_savings", string="Savings (Rupiah)")
    coop_member_sequence_id = fields.Many2one(
        "ir.sequence", string="Member Number Sequence", copy=False, groups="base.group_system"
    )
    coop_transaction_sequence_id = fields.Many2one(
        "ir.sequence", string="Transaction Number Sequence", copy=False, groups="base.group_system"
    )

    @api.depends("coop_member_ids")
    def _compute_coop_savings(self):
        # read with the user's rights: a cooperative's staff count only their own cooperative's memberships
        Member = self.env["jmsc.coop.member"]
        Account = self.env["jmsc.coop.account"]
        counts, totals = {}, {}
        if Member.has_access("read") and self.ids:
            counts = dict(Member._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"]))
            totals = dict(Account._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["balance:sum"]))
        for partner in self:
            partner.coop_member_count = counts.get(partner, 0)
            partner.coop_savings_total = totals.get(partner, 0.0)
            partner.coop_savings_label = format_rupiah(partner.coop_savings_total)

    def _compute_coop_currency_id(self):
        self.coop_currency_id = self.env["res.currency"].browse(self.env["ir.model.data"]._xmlid_to_res_id("base.IDR"))

    def _coop_check_user_cooperative(self):
        """Refuse unless each cooperative in `self` is the user's own (JMSC administrators: every one).

        Callers read the cooperative in sudo mode (``records.sudo().cooperative_id``): the check is about the
        real user, so sudo mode does not skip it; only the superuser (jobs, crons, data files) does."""
        if self.env.user._is_superuser() or self.env.user.has_group("jmsc_base.group_jmsc_admin"):
            return
        own = self.env.user.jmsc_agency_id
        others = self - own
        if others or not own:
            raise AccessError(
                self.env._(
                    "You work for %(own)s: the records of %(other)s belong to another cooperative.",
                    own=own.name or self.env._("no cooperative"),
                    other=", ".join((others or self).mapped("name")),
                )
            )

    def _coop_next_member_number(self):
        """The next member number of this cooperative, from its own sequence (created on first use)."""
        self.ensure_one()
        cooperative = self.sudo()
        if not cooperative.coop_member_sequence_id:
            cooperative.coop_member_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Members of %s", cooperative.name),
                        "code": f"jmsc.coop.member.{cooperative.id}",
                        "prefix": f"{cooperative._coop_code()}-",
                        "padding": 5,
                        "implementation": "standard",
                    }
                )
            )
        return cooperative.coop_member_sequence_id.next_by_id()

    def write(self, vals):
        result = super().write(vals)
        if "tz" in vals and self.filtered("agency_type_id"):
            self.env.registry.clear_cache()  # the ledger day of the accounts (jmsc.coop.account._coop_ledger_tz)
        return result

    def _coop_today(self):
        """The cooperative's calendar day (its time zone, else West Java's): one ledger day for every
        teller, whatever time zone their own user has (a teller without one would post on UTC's day)."""
        self.ensure_one()
        # sudo: only the time zone of the cooperative, not personal data
        return fields.Date.context_today(self.with_context(tz=self.sudo().tz or COOP_DEFAULT_TZ))

    @api.model
    def _coop_user_today(self):
        """Today on the ledger of the user's cooperative (a teller's agency), else West Java's day."""
        return (self.env.user.jmsc_agency_id or self.env.company.partner_id)._coop_today()

    def _coop_code(self):
        return self.ref or f"KOP{self.id}"

    def _coop_ledger_lock(self, count=0, month=None):
        """Serialise on this cooperative's ledger; return `count` gap-free transaction numbers and
        whether the month of `month` (a date) is closed.

        Posting and closing a month both lock and update the row of the cooperative's own no-gap
        sequence: whoever comes second waits, and a transaction whose snapshot predates the other's
        commit fails with a serialization error (and is retried) instead of posting into a month
        that was closed meanwhile. A number is consumed only when the posting commits, so the
        numbers of a cooperative have no gaps (rolled back postings give theirs back).
        """
        self.ensure_one()
        cooperative = self.sudo()
        sequence = cooperative._coop_transaction_sequence()
        # one statement: the UPDATE takes the row lock (and fails on a concurrent update after our
        # snapshot), numbers the legs and tells whether the value date's month is closed
        month = month.replace(day=1) if month else None
        self.env.cr.execute(
            SQL(
                """
                UPDATE ir_sequence SET number_next = number_next + %(count)s WHERE id = %(sequence)s
                RETURNING number_next - %(count)s,
                          EXISTS(SELECT 1 FROM jmsc_coop_period WHERE cooperative_id = %(cooperative)s
                                                                 AND month = %(month)s)
                """,
                count=count,
                sequence=sequence.id,
                cooperative=cooperative.id,
                month=month,
            ),
            log_exceptions=False,
        )
        number_next, closed = self.env.cr.fetchone()
        sequence.invalidate_recordset(["number_next", "number_next_actual"])
        prefix, suffix = sequence._get_prefix_suffix()
        names = [f"{prefix}{number:0{sequence.padding}d}{suffix}" for number in range(number_next, number_next + count)]
        return names, closed

    def _coop_transaction_sequence(self):
        """The cooperative's own no-gap sequence of transaction numbers, created on first use."""
        self.ensure_one()
        cooperative = self.sudo()
        sequence = cooperative.coop_transaction_sequence_id
        if not sequence:
            # two first postings at once: the second waits here and then finds the first one's sequence
            self.env.cr.execute(
                SQL("SELECT coop_transaction_sequence_id FROM res_partner WHERE id = %s FOR UPDATE", cooperative.id),
                log_exceptions=False,
            )
            sequence = self.env["ir.sequence"].sudo().browse(self.env.cr.fetchone()[0])
        if not sequence:
            sequence = cooperative.coop_transaction_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Transactions of %s", cooperative.name),
                        "code": f"jmsc.coop.transaction.{cooperative.id}",
                        "prefix": f"{cooperative._coop_code()}/TRX/",
                        "padding": 7,
                        "implementation": "no_gap",
                    }
                )
            )
            sequence.flush_recordset()
            cooperative.flush_recordset(["coop_transaction_sequence_id"])
        return sequence

    def _coop_ledger_sequence_locked(self, month=None):
        """For the first posting of a cooperative: create its sequence (or find the one a concurrent
        posting or month closing just created), lock its row and return what
        `jmsc.coop.account._lock_for_posting` returns for an existing one, with whether the month of
        `month` is closed. Two statements: the lock, then the read, which in read committed takes its
        snapshot after the lock is granted (a month closed meanwhile is seen)."""
        sequence = self._coop_transaction_sequence()
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM ir_sequence WHERE id = %(sequence)s FOR UPDATE;
                SELECT id, number_next, prefix, suffix, padding,
                       EXISTS(SELECT 1 FROM jmsc_coop_period WHERE cooperative_id = %(cooperative)s
                                                              AND month = %(month)s)
                  FROM ir_sequence WHERE id = %(sequence)s
                """,
                sequence=sequence.id,
                cooperative=self.id,
                month=month.replace(day=1) if month else None,
            ),
            log_exceptions=False,
        )
        row = self.env.cr.fetchone()
        return {"id": row[0], "next": row[1], "prefix": row[2], "suffix": row[3], "padding": row[4], "closed": row[5]}

    def _coop_sequence_names(self, sequence, count):
        """`count` transaction numbers from `sequence` (the dict of `_lock_for_posting`, whose row is
        locked by this transaction): the next numbers, formatted as the sequence formats them."""
        prefix, suffix = sequence["prefix"] or "", sequence["suffix"] or ""
        if "%" in prefix or "%" in suffix:  # date placeholders, e.g. %(year)s: let the sequence expand them
            prefix, suffix = self.env["ir.sequence"].sudo().browse(sequence["id"])._get_prefix_suffix()
        first = sequence["next"]
        return [f"{prefix}{number:0{sequence['padding']}d}{suffix}" for number in range(first, first + count)]

    def action_open_coop_memberships(self):
        return related_action(self, "jmsc_cooperative.jmsc_coop_member_action", "partner_id", context={})

    def action_open_coop_accounts(self):
        return related_action(self, "jmsc_cooperative.jmsc_coop_account_action", "partner_id", context={})

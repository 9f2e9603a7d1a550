import datetime
import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SHU_BACKGROUND_PARAM = "jmsc_cooperative.shu_background_members"
SHU_BACKGROUND_MEMBERS = 500  # above this many shares, they are posted by queue_job jobs
SHU_CHUNK = 200  # shares per job

SHU_RULES = [
    ("average_balance", "In Proportion to Average Balance"),
    ("contributions", "In Proportion to Contributions"),
]


class JmscCoopShuRun(models.Model):
    """A year's profit share (Sisa Hasil Usaha) distributed to the members of a cooperative."""

    _name = "jmsc.coop.shu.run"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Profit Share Run"
    _order = "year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    cooperative_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict", readonly=True)
    year = fields.Integer(required=True, readonly=True)
    amount = fields.Monetary(required=True, readonly=True)
    rule = fields.Selection(SHU_RULES, required=True, readonly=True)
    product_id = fields.Many2one("jmsc.coop.product", string="Credited Product", required=True, readonly=True)
    line_ids = fields.One2many("jmsc.coop.shu.line", "run_id", string="Shares", readonly=True)
    pending_count = fields.Integer(
        compute="_compute_pending_count", string="Shares Still to Post", help="Shares being posted in the background."
    )

    _sql_constraints = [
        ("year_unique", "unique(cooperative_id, year)", "The profit share of this year was already distributed."),
    ]

    @api.depends("cooperative_id", "year")
    def _compute_name(self):
        for run in self:
            run.name = f"SHU {run.year} {run.cooperative_id.name}"

    def _compute_pending_count(self):
        counts = dict(
            self.env["jmsc.coop.shu.line"]
            .sudo()
            ._read_group(
                [("run_id", "in", self.ids), ("transaction_id", "=", False), ("share", ">", 0)], ["run_id"], ["__count"]
            )
        )
        for run in self:
            run.pending_count = counts.get(run, 0)

    @api.model
    def _compute_shares(self, cooperative, year, amount, rule, product):
        """Each active member's basis and share; shares are whole cents summing exactly to `amount`."""
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        accounts = (
            self.env["jmsc.coop.account"]
            .sudo()
            .search([("cooperative_id", "=", cooperative.id), ("member_id.status", "=", "active")])
        )
        receivers = accounts.filtered(lambda a: a.product_id == product and a.state in ("active", "dormant"))
        Transaction = self.env["jmsc.coop.transaction"].sudo()
        basis = dict.fromkeys(receivers.member_id, 0.0)
        if rule == "contributions":
            groups = Transaction._read_group(
                [
                    ("account_id", "in", accounts.ids),
                    ("value_date", ">=", start),
                    ("value_date", "<=", end),
                    "|",
                    ("transaction_type", "=", "deposit"),
                    "&",
                    ("transaction_type", "=", "reversal"),
                    ("reversal_of_id.transaction_type", "=", "deposit"),
                ],
                ["member_id"],
                ["amount:sum"],
            )
            for member, total in groups:
                if member in basis:
                    basis[member] = max(total, 0.0)
        else:
            days = (end - start).days + 1
            for account in accounts.filtered(lambda a: a.member_id in basis):
                moves = Transaction.search_read(
                    [("account_id", "=", account.id), ("value_date", "<=", end)],
                    ["value_date", "running_balance"],
                    order="id",
                )
                balance, since, weighted = 0.0, start, 0.0
                for move in moves:
                    if move["value_date"] > since:
                        weighted += balance * (move["value_date"] - since).days
                        since = move["value_date"]
                    balance = move["running_balance"]
                weighted += balance * ((end - since).days + 1)
                basis[account.member_id] += weighted / days
        total_basis = sum(basis.values())
        if total_basis <= 0:
            raise UserError(
                self.env._(
                    "No member of %(cooperative)s has a basis for the SHU of %(year)s.",
                    cooperative=cooperative.name,
                    year=year,
                )
            )
        cents = round(amount * 100)
        exact = {member: cents * value / total_basis for member, value in basis.items()}
        shares = {member: math.floor(value) for member, value in exact.items()}
        leftover = cents - sum(shares.values())
        for member in sorted(exact, key=lambda m: (shares[m] - exact[m], m.id))[:leftover]:
            shares[member] += 1
        account_of = {account.member_id: account for account in receivers}
        return [
            {
                "member_id": member.id,
                "account_id": account_of[member].id,
                "basis": round(basis[member], 2),
                "share": shares[member] / 100,
            }
            for member in receivers.member_id.sorted("number")
        ]

    @api.model
    def _distribute(self, cooperative, year, amount, rule, product):
        """Post every share at once; refused when the year was already distributed."""
        if amount <= 0:
            raise ValidationError(self.env._("The SHU amount to distribute must be positive."))
        cooperative._coop_check_user_cooperative()
        if product.cooperative_id != cooperative:
            raise ValidationError(
                self.env._("The SHU of %s can only be credited to one of its own products.", cooperative.name)
            )
        if self.sudo().search_count([("cooperative_id", "=", cooperative.id), ("year", "=", year)], limit=1):
            raise UserError(
                self.env._(
                    "The SHU of %(year)s for %(cooperative)s was already distributed.",
                    year=year,
                    cooperative=cooperative.name,
                )
            )
        shares = self._compute_shares(cooperative, year, amount, rule, product)
        run = self.sudo().create(
            {"cooperative_id": cooperative.id, "year": year, "amount": amount, "rule": rule, "product_id": product.id}
        )
        lines = self.env["jmsc.coop.shu.line"].sudo().create([dict(share, run_id=run.id) for share in shares])
        param = self.env["ir.config_parameter"].sudo().get_param(SHU_BACKGROUND_PARAM)
        threshold = int(param) if param and param.isdigit() else SHU_BACKGROUND_MEMBERS
        if len(lines) <= threshold:
            run._post_shares(lines)
            return run
        # a large cooperative: jobs of SHU_CHUNK shares each, run as the manager who distributed; each
        # share is posted with its system key, so a job that fails halfway and is retried posts the rest
        for start in range(0, len(lines), SHU_CHUNK):
            chunk = lines[start : start + SHU_CHUNK]
            run.with_delay(
                description=self.env._(
                    "%(run)s: shares %(first)s to %(last)s", run=run.name, first=start + 1, last=start + len(chunk)
                )
            )._job_post_shares(chunk.ids)
        return run

    def _post_shares(self, lines):
        """Post the shares of `lines` not posted yet (system key per member and year: posting twice is a no-op)."""
        self.ensure_one()
        Account = self.env["jmsc.coop.account"]
        for line in lines.filtered(lambda share: not share.transaction_id and share.share > 0):
            transaction = Account.browse(line.account_id.id)._post(
                "shu",
                line.share,
                reference=self.name,
                system_key=f"shu-{self.year}-{line.member_id.id}",
            )
            line.transaction_id = transaction.id

    def _job_post_shares(self, line_ids):
        """Background job: post a chunk of this run's shares, as the manager who distributed it."""
        self.ensure_one()
        # the check runs in the job user's environment (a sudo environment would pass it)
        self.sudo().cooperative_id.with_env(self.env)._coop_check_user_cooperative()
        # sudo: the lines of this run only, which the manager's distribution created (checked above)
        lines = self.env["jmsc.coop.shu.line"].sudo().browse(line_ids).filtered(lambda line: line.run_id == self)
        self._post_shares(lines)

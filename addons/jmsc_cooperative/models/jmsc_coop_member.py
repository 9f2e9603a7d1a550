from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.addons.jmsc_base.tools.related import related_action
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from .cooperative_field import cooperative_field
from .ledger_guard import allow, is_allowed

FIXED_FIELDS = {"partner_id", "cooperative_id", "number"}
STATUS_FIELDS = {"status", "end_date"}


class JmscCoopMember(models.Model):
    """A contact's membership of one cooperative."""

    _name = "jmsc.coop.member"
    _description = "Cooperative Member"
    _inherit = ["mail.thread", "jmsc.coop.money.mixin"]
    _order = "cooperative_id, number"
    _rec_names_search = ["number", "partner_id.name"]

    number = fields.Char(string="Member Number", readonly=True, copy=False, index=True)
    partner_id = fields.Many2one("res.partner", string="Member", required=True, index=True, ondelete="restrict")
    cooperative_id = cooperative_field(index=True, ondelete="restrict")
    # NIK is read only by users of the Identity Data group (cooperative staff are not)
    nik = fields.Char(related="partner_id.nik", string="NIK", groups="jmsc_base.group_jmsc_identity")
    join_date = fields.Date(required=True, default=office_today, tracking=True)
    status = fields.Selection(
        [("active", "Active"), ("resigned", "Resigned"), ("deceased", "Deceased")],
        required=True,
        default="active",
        readonly=True,
        tracking=True,
        index=True,
    )
    end_date = fields.Date(readonly=True, tracking=True)
    account_ids = fields.One2many("jmsc.coop.account", "member_id", string="Accounts")
    due_ids = fields.One2many("jmsc.coop.due", "member_id", string="Dues")
    total_balance = fields.Monetary(compute="_compute_totals")
    arrears_amount = fields.Monetary(compute="_compute_totals", string="Arrears")
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")

    _sql_constraints = [
        ("partner_unique", "unique(partner_id, cooperative_id)", "A contact can be a member of a cooperative once."),
        ("number_unique", "unique(cooperative_id, number)", "The member number must be unique per cooperative."),
    ]

    @api.model
    def _default_cooperative(self):
        agency = self.env.user.jmsc_agency_id
        return agency if agency.agency_type_id.code == "cooperative" else False

    @api.depends("account_ids.balance", "due_ids.amount_open")
    def _compute_totals(self):
        for member in self:
            member.total_balance = sum(member.account_ids.mapped("balance"))
            member.arrears_amount = sum(member.due_ids.filtered(lambda d: d.is_overdue).mapped("amount_open"))

    def _compute_currency_id(self):
        self.currency_id = self.env.ref("base.IDR")

    @api.constrains("cooperative_id")
    def _check_cooperative(self):
        for member in self:
            if member.cooperative_id.agency_type_id.code != "cooperative":
                raise ValidationError(
                    self.env._(
                        "Member %(member)s: %(agency)s is not a cooperative.",
                        member=member.partner_id.display_name,
                        agency=member.cooperative_id.display_name,
                    )
                )

    def _compute_display_name(self):
        for member in self:
            member.display_name = (
                f"{member.number} {member.partner_id.name}" if member.number else member.partner_id.name
            )

    def _search_display_name(self, operator, value):
        """Member number or name; a NIK is resolved through the minimal migrant card, so nobody
        searches on the NIK field itself (cooperative staff do not read it)."""
        domain = super()._search_display_name(operator, value)
        if (
            isinstance(value, str)
            and value.strip().isdigit()
            and len(value.strip()) == 16
            and operator in ("ilike", "=")
        ):
            card = self.env["res.partner"]._jmsc_migrant_card_or_none(value.strip())
            if card["match"]:
                domain = expression.OR([domain, [("partner_id", "=", card["partner_id"])]])
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        self._check_registration(vals_list)
        for vals in vals_list:
            if not is_allowed("member_status"):
                for field in STATUS_FIELDS:
                    vals.pop(field, None)
            vals.pop("number", None)
            if vals.get("cooperative_id"):
                cooperative = self.env["res.partner"].browse(vals["cooperative_id"])
                vals["number"] = cooperative._coop_next_member_number()
        members = super().create(vals_list)
        members._open_missing_accounts()
        return members

    @api.model
    def _check_registration(self, vals_list):
        """A membership must not widen what its creator reads: a migrant the user cannot see becomes a
        member only through the registration wizard (found by NIK, see `jmsc.coop.member.register`)."""
        if self.env.su or is_allowed("member_registration") or self.env.user.has_group("jmsc_base.group_jmsc_admin"):
            return
        partner_ids = {vals.get("partner_id") for vals in vals_list} - {None, False}
        partners = self.env["res.partner"].browse(partner_ids)
        migrants = partners.sudo().filtered("is_migrant")
        hidden = migrants - migrants.with_env(self.env)._filtered_access("read")
        if hidden:
            raise AccessError(
                self.env._(
                    "A migrant becomes a member through Register Member, found by their NIK; "
                    "you cannot pick migrants you may not see."
                )
            )

    def write(self, vals):
        if FIXED_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "Member %s: the person, the cooperative and the member number of a membership cannot change.",
                    self[:1].display_name,
                )
            )
        if STATUS_FIELDS & set(vals) and not is_allowed("member_status"):
            raise UserError(
                self.env._(
                    "Member %s: the membership ends only through the Cooperative Manager's buttons (Resign, Deceased).",
                    self[:1].display_name,
                )
            )
        return super().write(vals)

    def _open_missing_accounts(self):
        """One account per member and active product of the cooperative."""
        products = self.env["jmsc.coop.product"].search([("cooperative_id", "in", self.cooperative_id.ids)])
        vals_list = []
        for member in self.filtered(lambda m: m.status == "active"):
            existing = member.account_ids.product_id
            for product in products.filtered(lambda p, m=member: p.cooperative_id == m.cooperative_id) - existing:
                vals_list.append({"member_id": member.id, "product_id": product.id})
        return self.env["jmsc.coop.account"].create(vals_list)

    def action_open_accounts(self):
        return related_action(self, "jmsc_cooperative.jmsc_coop_account_action", "member_id")

    def action_resign(self):
        self._settle_and_close("resigned")

    def action_mark_deceased(self):
        self._settle_and_close("deceased")

    def _settle_and_close(self, status):
        """Pay out every balance with a closing withdrawal, close the accounts, end the membership."""
        if not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can end a membership."))
        self.check_access("write")
        self.cooperative_id._coop_check_user_cooperative()
        with allow("account_state", "member_status"):
            self._settle_and_close_checked(status)

    def _settle_and_close_checked(self, status):
        for member in self:
            if member.status != "active":
                raise UserError(self.env._("Member %(member)s is not active any more.", member=member.display_name))
            for account in member.account_ids.filtered(lambda a: a.state != "closed"):
                if account.held_amount:
                    raise UserError(
                        self.env._(
                            "Account %(account)s has active holds: release them before closing the membership.",
                            account=account.name,
                        )
                    )
                if account.balance:
                    account._post(
                        "withdrawal",
                        account.balance,
                        reference=self.env._("Closing: membership ended"),
                        closing=True,
                    )
                account.sudo().write({"state": "closed"})
            member.write({"status": status, "end_date": office_today(self)})
            member.due_ids.filtered(lambda d: d.state != "paid").sudo().write({"waived": True})

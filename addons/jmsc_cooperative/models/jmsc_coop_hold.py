from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round

from .ledger_guard import allow, is_allowed
from .money import format_rupiah

STATE_FIELDS = {"state", "release_date"}


class JmscCoopHold(models.Model):
    """An amount reserved on an account: it lowers the available balance until released."""

    _name = "jmsc.coop.hold"
    _description = "Cooperative Account Hold"
    _inherit = ["mail.thread", "jmsc.coop.money.mixin"]
    _order = "state, id desc"

    account_id = fields.Many2one("jmsc.coop.account", required=True, index=True, ondelete="restrict")
    cooperative_id = fields.Many2one(related="account_id.cooperative_id", store=True, index=True)
    member_id = fields.Many2one(related="account_id.member_id", store=True, index=True)
    amount = fields.Monetary(required=True, tracking=True)
    reason = fields.Char(required=True, tracking=True)
    state = fields.Selection(
        [("active", "Active"), ("released", "Released")], default="active", required=True, readonly=True, tracking=True
    )
    date = fields.Date(default=office_today, required=True, readonly=True)
    release_date = fields.Date(readonly=True)
    release_reason = fields.Char(tracking=True)

    @api.model_create_multi
    def create(self, vals_list):
        accounts = self.env["jmsc.coop.account"].browse({vals.get("account_id") for vals in vals_list} - {None, False})
        # the accounts must be the user's to change, and of the user's own cooperative
        accounts.check_access("write")
        accounts.sudo().cooperative_id._coop_check_user_cooperative()
        ledger = accounts.sudo()._lock_for_posting() if accounts else {}
        for vals in vals_list:
            vals.pop("state", None)
            vals.pop("release_date", None)
            amount = float_round(vals.get("amount") or 0.0, precision_digits=2)
            vals["amount"] = amount
            account = accounts.browse(vals.get("account_id"))
            if float_compare(amount, 0.0, precision_digits=2) <= 0:
                raise ValidationError(self.env._("Hold on %s: the amount must be positive.", account.name))
            state = ledger.get(account.id)
            if state is None:
                continue
            if state["state"] == "closed":
                raise UserError(self.env._("Account %s is closed: it cannot be held.", account.name))
            available = state["balance"] - state["held"]
            if float_compare(amount, available, precision_digits=2) > 0:
                raise UserError(
                    self.env._(
                        "Account %(account)s: a hold of %(amount)s exceeds the available balance %(available)s.",
                        account=account.name,
                        amount=format_rupiah(amount),
                        available=format_rupiah(available),
                    )
                )
            state["held"] += amount
        return super().create(vals_list)

    def write(self, vals):
        if {"account_id", "amount"} & set(vals):
            raise UserError(self.env._("A hold's account and amount cannot change: release it and place a new one."))
        if STATE_FIELDS & set(vals) and not is_allowed("hold_release"):
            raise UserError(
                self.env._(
                    "A hold is released only through its Release button, by a Cooperative Manager; "
                    "it cannot be re-activated."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_placed(self):
        raise UserError(self.env._("Holds are kept for the record: release them instead of deleting."))

    def action_release(self):
        if not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can release a hold."))
        self.check_access("write")
        self.sudo().cooperative_id._coop_check_user_cooperative()
        for hold in self:
            if hold.state != "active":
                raise UserError(
                    self.env._(
                        "The hold %(reason)s on %(account)s is already released.",
                        reason=hold.reason,
                        account=hold.account_id.name,
                    )
                )
        with allow("hold_release"):
            self.write({"state": "released", "release_date": office_today(self)})

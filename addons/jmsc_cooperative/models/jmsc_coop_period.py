from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .cooperative_field import cooperative_field


def format_month(month):
    return f"{month:%m/%Y}"


class JmscCoopPeriod(models.Model):
    """A closed month of a cooperative: nothing can be posted with a value date in it."""

    _name = "jmsc.coop.period"
    _description = "Cooperative Closed Month"
    _order = "month desc"

    cooperative_id = cooperative_field(index=True, ondelete="restrict")
    month = fields.Date(required=True, index=True, help="Any day of the month; stored as its first day.")
    name = fields.Char(compute="_compute_name", store=True)
    closed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    closed_on = fields.Datetime(default=fields.Datetime.now, readonly=True)
    last_transaction_name = fields.Char(
        string="Last Transaction Before Closing",
        readonly=True,
        help="The number of the cooperative's last posting when the month was closed: "
        "every posting of the month has this number or an earlier one.",
    )

    _sql_constraints = [
        ("month_unique", "unique(cooperative_id, month)", "This month is already closed for the cooperative."),
    ]

    @api.depends("month", "cooperative_id")
    def _compute_name(self):
        for period in self:
            period.name = f"{period.cooperative_id.name} {period.month:%Y-%m}" if period.month else False

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        today = office_today(self)
        for vals in vals_list:
            vals.pop("closed_by_id", None)
            vals.pop("closed_on", None)
            vals.pop("last_transaction_name", None)
            cooperative = self.env["res.partner"].browse(vals.get("cooperative_id"))
            cooperative._coop_check_user_cooperative()
            month = fields.Date.to_date(vals.get("month"))
            if not month:
                continue
            month = month.replace(day=1)
            if month >= today.replace(day=1):
                raise ValidationError(
                    self.env._("The month %s has not ended yet: only past months can be closed.", format_month(month))
                )
            vals["month"] = month
            # serialise with postings of the cooperative (see res.partner._coop_ledger_lock)
            cooperative._coop_ledger_lock()
            if self.sudo().search_count([("cooperative_id", "=", cooperative.id), ("month", "=", month)], limit=1):
                raise ValidationError(self.env._("The month %s is already closed.", format_month(month)))
            vals["last_transaction_name"] = (
                self.env["jmsc.coop.transaction"]
                .sudo()
                .search([("cooperative_id", "=", cooperative.id)], order="id desc", limit=1)
                .name
            )
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A closed month cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        raise UserError(self.env._("A closed month stays closed."))

    @api.model
    def _check_open(self, cooperative, value_date):
        closed = self.sudo().search_count(
            [("cooperative_id", "=", cooperative.id), ("month", "=", value_date.replace(day=1))], limit=1
        )
        if closed:
            self._raise_closed(cooperative, value_date)

    @api.model
    def _raise_closed(self, cooperative, value_date):
        raise UserError(
            self.env._(
                "The month %(month)s is closed for %(cooperative)s: nothing can be posted with value date %(date)s.",
                month=format_month(value_date),
                cooperative=cooperative.name,
                date=format_date(self.env, value_date),
            )
        )

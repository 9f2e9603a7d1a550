from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cooperative_field import cooperative_field

PRODUCT_KINDS = [
    ("pokok", "Principal Savings (Simpanan Pokok)"),
    ("wajib", "Mandatory Savings (Simpanan Wajib)"),
    ("sukarela", "Voluntary Savings (Simpanan Sukarela)"),
]


class JmscCoopProduct(models.Model):
    """A savings product of one cooperative and its posting rules."""

    _name = "jmsc.coop.product"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Savings Product"
    _order = "cooperative_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in account numbers, e.g. SP, SW, SS.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    cooperative_id = cooperative_field(user_default=False, index=True, ondelete="restrict")
    kind = fields.Selection(PRODUCT_KINDS, required=True, default="sukarela")
    min_balance = fields.Monetary(string="Minimum Balance")
    monthly_due = fields.Monetary(help="Amount due every month (Simpanan Wajib).")
    principal_amount = fields.Monetary(help="One-time amount paid on joining (Simpanan Pokok).")
    allow_deposit = fields.Boolean(default=True)
    allow_withdrawal = fields.Boolean()
    allow_transfer = fields.Boolean(help="Transfers to and from accounts of this product.")
    allow_fee = fields.Boolean()
    allow_shu = fields.Boolean(string="Receives SHU", help="Profit shares (SHU) are credited to this product.")

    _sql_constraints = [
        ("code_unique", "unique(cooperative_id, code)", "The product code must be unique per cooperative."),
        ("min_balance_positive", "CHECK(min_balance >= 0)", "The minimum balance cannot be negative."),
        ("monthly_due_positive", "CHECK(monthly_due >= 0)", "The monthly due cannot be negative."),
    ]

    @api.constrains("kind", "allow_withdrawal", "allow_transfer")
    def _check_kind_rules(self):
        for product in self:
            if product.kind in ("pokok", "wajib") and (product.allow_withdrawal or product.allow_transfer):
                raise ValidationError(
                    self.env._(
                        "Product %(product)s: principal and mandatory savings cannot be withdrawn or "
                        "transferred while the member stays a member.",
                        product=product.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        products = super().create(vals_list)
        members = self.env["jmsc.coop.member"].search(
            [("cooperative_id", "in", products.cooperative_id.ids), ("status", "=", "active")]
        )
        members._open_missing_accounts()
        return products

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind in ("pokok", "wajib"):
            self.allow_withdrawal = self.allow_transfer = False
        else:
            self.allow_withdrawal = self.allow_transfer = self.allow_shu = True

    def _compute_display_name(self):
        for product in self:
            product.display_name = f"[{product.code}] {product.name}" if product.code else product.name

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import AccessError

from ..models.cooperative_field import cooperative_field
from ..models.jmsc_coop_shu_run import SHU_RULES


class JmscCoopShuWizard(models.TransientModel):
    """Year-end profit share: preview each member's share, then post them all at once."""

    _name = "jmsc.coop.shu.wizard"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Profit Share (SHU) Wizard"

    cooperative_id = cooperative_field()
    year = fields.Integer(required=True, default=lambda self: office_today(self).year - 1)
    amount = fields.Monetary(string="Amount to Distribute", required=True)
    rule = fields.Selection(SHU_RULES, required=True, default="average_balance")
    product_id = fields.Many2one(
        "jmsc.coop.product",
        string="Credit to Product",
        required=True,
        domain="[('cooperative_id', '=', cooperative_id), ('allow_shu', '=', True)]",
    )
    line_ids = fields.One2many("jmsc.coop.shu.wizard.line", "wizard_id", string="Preview")
    state = fields.Selection([("draft", "Draft"), ("preview", "Preview")], default="draft")

    @api.onchange("cooperative_id")
    def _onchange_cooperative_id(self):
        self.product_id = self.env["jmsc.coop.product"].search(
            [("cooperative_id", "=", self.cooperative_id.id), ("allow_shu", "=", True)], limit=1
        )

    def _check_manager(self):
        """A Cooperative Manager of this very cooperative; the product credited is one of its own."""
        if not self.env.user.has_group("jmsc_cooperative.group_coop_manager"):
            raise AccessError(self.env._("Only a Cooperative Manager can distribute the SHU."))
        self.cooperative_id._coop_check_user_cooperative()
        self.product_id.check_access("read")
        if self.product_id.sudo().cooperative_id != self.cooperative_id:
            raise AccessError(
                self.env._(
                    "Product %(product)s is not a product of %(cooperative)s.",
                    product=self.product_id.sudo().display_name,
                    cooperative=self.cooperative_id.name,
                )
            )

    def action_preview(self):
        self.ensure_one()
        self._check_manager()
        shares = self.env["jmsc.coop.shu.run"]._compute_shares(
            self.cooperative_id, self.year, self.amount, self.rule, self.product_id
        )
        self.line_ids = [(5, 0, 0)] + [
            (0, 0, {"member_id": s["member_id"], "basis": s["basis"], "share": s["share"]}) for s in shares
        ]
        self.state = "preview"
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_post(self):
        self.ensure_one()
        self._check_manager()
        run = self.env["jmsc.coop.shu.run"]._distribute(
            self.cooperative_id, self.year, self.amount, self.rule, self.product_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": run._name,
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }

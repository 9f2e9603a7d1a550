from odoo import fields, models


class JmscCoopMoneyMixin(models.AbstractModel):
    """Amounts in rupiah: the cooperative's money fields are `Monetary` in IDR (issue #14), with this
    currency. The columns stay `numeric` (as the `Float` fields with digits were): no data migration."""

    _name = "jmsc.coop.money.mixin"
    _description = "Amounts in Rupiah"

    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")

    def _compute_currency_id(self):
        # the id from the cached xmlid look-up: env.ref() would ask the database whether it exists each time
        self.currency_id = self.env["res.currency"].browse(self.env["ir.model.data"]._xmlid_to_res_id("base.IDR"))

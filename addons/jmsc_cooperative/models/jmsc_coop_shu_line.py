from odoo import fields, models


class JmscCoopShuLine(models.Model):
    _name = "jmsc.coop.shu.line"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Profit Share Line"
    _order = "run_id, id"

    run_id = fields.Many2one("jmsc.coop.shu.run", required=True, index=True, ondelete="cascade", readonly=True)
    cooperative_id = fields.Many2one(related="run_id.cooperative_id", store=True, index=True)
    member_id = fields.Many2one("jmsc.coop.member", required=True, readonly=True, index=True)
    account_id = fields.Many2one("jmsc.coop.account", readonly=True)
    basis = fields.Monetary(readonly=True)
    share = fields.Monetary(readonly=True)
    transaction_id = fields.Many2one("jmsc.coop.transaction", readonly=True)

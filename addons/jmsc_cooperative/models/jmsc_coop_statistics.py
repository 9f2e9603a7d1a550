from odoo import fields, models, tools
from odoo.tools import SQL


class JmscCoopStatistics(models.Model):
    """Monthly totals per cooperative and product: what provincial officers may read."""

    _name = "jmsc.coop.statistics"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Cooperative Savings Statistics"
    _auto = False
    _order = "month desc, cooperative_id, product_id"

    cooperative_id = fields.Many2one("res.partner", readonly=True)
    product_id = fields.Many2one("jmsc.coop.product", readonly=True)
    kind = fields.Selection(related="product_id.kind")
    month = fields.Date(readonly=True)
    transaction_count = fields.Integer(readonly=True)
    member_count = fields.Integer(string="Members Transacting", readonly=True)
    credits = fields.Monetary(readonly=True, string="Deposits and Credits")
    debits = fields.Monetary(readonly=True, string="Withdrawals and Debits")
    net = fields.Monetary(readonly=True, string="Net Change")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT MIN(t.id) AS id,
                           t.cooperative_id,
                           t.product_id,
                           DATE_TRUNC('month', t.value_date)::date AS month,
                           COUNT(*) AS transaction_count,
                           COUNT(DISTINCT t.member_id) AS member_count,
                           SUM(GREATEST(t.amount, 0)) AS credits,
                           -SUM(LEAST(t.amount, 0)) AS debits,
                           SUM(t.amount) AS net
                      FROM jmsc_coop_transaction t
                     GROUP BY t.cooperative_id, t.product_id, DATE_TRUNC('month', t.value_date)
                )
                """,
                SQL.identifier(self._table),
            )
        )

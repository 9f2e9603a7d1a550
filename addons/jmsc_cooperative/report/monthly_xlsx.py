from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tools import SQL


class MonthlyXlsx(models.AbstractModel):
    _name = "report.jmsc_cooperative.monthly_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Cooperative Monthly Report (XLSX)"

    def _monthly_figures(self, cooperative, month):
        """Per product: accounts, credits and debits of the month, balance at the month's end."""
        month_end = month + relativedelta(months=1, days=-1)
        accounts = self.env["jmsc.coop.account"].search([("cooperative_id", "=", cooperative.id)])
        products = self.env["jmsc.coop.product"].search([("cooperative_id", "=", cooperative.id)])
        figures = {p: {"accounts": 0, "credits": 0.0, "debits": 0.0, "balance": 0.0} for p in products}
        for product, count in self.env["jmsc.coop.account"]._read_group(
            [("id", "in", accounts.ids), ("member_id.join_date", "<=", month_end)], ["product_id"], ["__count"]
        ):
            figures[product]["accounts"] = count
        Transaction = self.env["jmsc.coop.transaction"]
        in_month = [("account_id", "in", accounts.ids), ("value_date", ">=", month), ("value_date", "<=", month_end)]
        for product, credits in Transaction._read_group(
            in_month + [("amount", ">", 0)], ["product_id"], ["amount:sum"]
        ):
            figures[product]["credits"] = credits
        for product, debits in Transaction._read_group(in_month + [("amount", "<", 0)], ["product_id"], ["amount:sum"]):
            figures[product]["debits"] = -debits
        if accounts:
            Transaction.flush_model()
            self.env.cr.execute(
                SQL(
                    """SELECT product_id, SUM(running_balance) FROM (
                           SELECT DISTINCT ON (account_id) account_id, product_id, running_balance
                             FROM jmsc_coop_transaction
                            WHERE account_id IN %s AND value_date <= %s
                            ORDER BY account_id, id DESC) last GROUP BY product_id""",
                    tuple(accounts.ids),
                    month_end,
                )
            )
            by_id = {p.id: p for p in products}
            for product_id, balance in self.env.cr.fetchall():
                if product_id in by_id:
                    figures[by_id[product_id]]["balance"] = balance
        Member = self.env["jmsc.coop.member"]
        members = {
            "active": Member.search_count(
                [
                    ("cooperative_id", "=", cooperative.id),
                    ("join_date", "<=", month_end),
                    "|",
                    ("end_date", "=", False),
                    ("end_date", ">", month_end),
                ]
            ),
            "joined": Member.search_count(
                [("cooperative_id", "=", cooperative.id), ("join_date", ">=", month), ("join_date", "<=", month_end)]
            ),
            "left": Member.search_count(
                [("cooperative_id", "=", cooperative.id), ("end_date", ">=", month), ("end_date", "<=", month_end)]
            ),
        }
        return figures, members

    def _get_objs_for_report(self, docids, data):
        ids = docids or ((data or {}).get("context") or {}).get("active_ids") or []
        return self.env["jmsc.coop.monthly.report.wizard"].browse(ids)

    def generate_xlsx_report(self, workbook, data, records):
        data = data or {}
        cooperative = self.env["res.partner"].browse(data.get("cooperative_id") or records[:1].cooperative_id.id)
        cooperative._coop_check_user_cooperative()
        month = (fields.Date.to_date(data.get("month")) or office_today(self)).replace(day=1)
        figures, members = self._monthly_figures(cooperative, month)
        formats = self._jmsc_xlsx_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Monthly Report"))
        sheet.write(0, 0, self.env._("Cooperative Monthly Report"), formats["bold"])
        self._jmsc_xlsx_labels(
            sheet, 1, [(self.env._("Cooperative"), cooperative.name), (self.env._("Month"), f"{month:%Y-%m}")]
        )
        self._jmsc_xlsx_labels(
            sheet,
            4,
            [
                (self.env._("Members at Month End"), members["active"]),
                (self.env._("Members Joined"), members["joined"]),
                (self.env._("Members Left"), members["left"]),
            ],
        )
        columns = [
            (self.env._("Product"), 36, lambda product: product.display_name, None),
            (self.env._("Accounts"), 18, lambda product: figures[product]["accounts"], None),
            (self.env._("Deposits"), 18, lambda product: figures[product]["credits"], "money"),
            (self.env._("Withdrawals"), 18, lambda product: figures[product]["debits"], "money"),
            (self.env._("Balance"), 18, lambda product: figures[product]["balance"], "money"),
        ]
        row = self._jmsc_xlsx_table(sheet, formats, columns, list(figures), row=8)
        sheet.write(row, 0, self.env._("Total"), formats["bold"])
        for col, key in ((2, "credits"), (3, "debits"), (4, "balance")):
            sheet.write_number(row, col, sum(v[key] for v in figures.values()), formats["total_money"])

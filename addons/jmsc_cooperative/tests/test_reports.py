import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestReports(CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_1 = cls.account(cls.member_1)
        cls.start = cls.today + relativedelta(days=-10)
        cls.account_1._post("deposit", 1000, value_date=cls.start + relativedelta(days=-1))
        cls.account_1._post("deposit", 500, value_date=cls.start, reference="Remit Taipei")
        cls.account_1._post("withdrawal", 200, value_date=cls.today)
        cls.data = {"date_from": fields.Date.to_string(cls.start), "date_to": fields.Date.to_string(cls.today)}

    def test_statement_opening_closing_agree(self):
        statement = self.account_1._statement(self.start, self.today)
        self.assertEqual(statement["opening"], 1000)
        self.assertEqual(len(statement["lines"]), 2)
        self.assertEqual(statement["closing"], statement["opening"] + sum(statement["lines"].mapped("amount")))
        self.assertEqual(statement["closing"], self.account_1.balance)
        self.assertEqual((statement["credits"], statement["debits"]), (500, 200))
        later = self.account_1._statement(self.today + relativedelta(days=1), self.today + relativedelta(days=5))
        self.assertEqual((later["opening"], later["closing"]), (1300, 1300))

    def test_statement_pdf_and_html(self):
        html = self.assertReportRenders("jmsc_cooperative.action_report_statement", self.account_1.ids, self.data)
        self.assertIn("Opening Balance", html)
        self.assertIn("Remit Taipei", html)
        self.assertIn("Rp 1.300", html)

    def test_passbook_pdf(self):
        html = self.assertReportRenders("jmsc_cooperative.action_report_passbook", self.member_1.ids)
        self.assertIn(self.account_1.name, html)
        self.assertIn("Rp 1.300", html)

    def _workbook(self, report, ids, data=None):
        content, kind = self.env["ir.actions.report"]._render(report, ids, data=data)
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_statement_xlsx(self):
        sheet = self._workbook("jmsc_cooperative.action_report_statement_xlsx", self.account_1.ids, self.data).active
        self.assertEqual(sheet["B2"].value, self.account_1.name)
        self.assertEqual(sheet["G6"].value, 1000)
        rows = list(sheet.iter_rows(min_row=9, values_only=True))
        self.assertEqual([row[6] for row in rows[:2]], [1500, 1300])
        self.assertEqual(rows[2][0], "Closing Balance")
        self.assertEqual(rows[2][6], 1300)
        self.assertEqual(sheet.freeze_panes, "A9")

    def test_monthly_xlsx(self):
        month = self.today.replace(day=1)
        wizard = self.env["jmsc.coop.monthly.report.wizard"].create({"cooperative_id": self.coop_a.id, "month": month})
        self.assertEqual(
            wizard.with_user(self.manager_a).action_print()["report_name"], "jmsc_cooperative.monthly_xlsx"
        )
        data = {"cooperative_id": self.coop_a.id, "month": fields.Date.to_string(month)}
        sheet = self._workbook("jmsc_cooperative.action_report_monthly_xlsx", wizard.ids, data).active
        self.assertEqual(sheet["B2"].value, self.coop_a.name)
        self.assertEqual(sheet["B5"].value, 3)
        rows = {row[0]: row for row in sheet.iter_rows(min_row=10, values_only=True)}
        sukarela = rows[self.sukarela_a.display_name]
        in_month = self.account_1.transaction_ids.filtered(lambda t: t.value_date >= month)
        self.assertEqual(sukarela[2], sum(t.amount for t in in_month if t.amount > 0))
        self.assertEqual(sukarela[3], 200)
        self.assertEqual(sukarela[4], 1300)
        self.assertEqual(rows["Total"][4], 1300)

    def test_arrears_xlsx(self):
        self.member_2.join_date = self.today + relativedelta(months=-2)
        self.env["jmsc.coop.due"]._generate_dues()
        self.account(self.member_2, "SW")._post("deposit", 60000)
        dues = self.env["jmsc.coop.due"].search([("member_id", "=", self.member_2.id)])
        sheet = self._workbook("jmsc_cooperative.action_report_arrears_xlsx", dues.ids).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0][1], self.member_2.number)
        self.assertEqual(rows[0][6], 40000)
        self.assertEqual(rows[-1][6], 40000)

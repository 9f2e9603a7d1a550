import base64
import subprocess
import tempfile

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from ..models.money import format_rupiah
from .common import CoopCommon
from .jobs import enqueued, perform

LINES = 130  # three pages of the PDF


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True
        ).stdout.decode()


def without_print_time(text):
    """The text of a statement PDF without the "printed on" stamp (the one line that differs between two runs)."""
    return [line for line in text.splitlines() if "Printed on" not in line and "Dicetak" not in line]


@tagged("post_install", "-at_install")
class TestLongStatement(CoopCommon):
    """Issue #15: statements of any length. The PDF is drawn by reportlab; above a threshold it is produced
    by a queue_job job, attached to the account, and the requester is told."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a system message must not need the requester's (or the sender's) address
        cls.teller = cls._coop_user("coop_long_teller", email=False)
        cls.account_1 = cls.account(cls.member_1)
        cls.start = cls.today + relativedelta(days=-20)
        cls.account_1._post("deposit", 250000, value_date=cls.start + relativedelta(days=-1))
        for index in range(LINES):
            day = cls.start + relativedelta(days=index * 20 // LINES)
            if index % 4 == 3:
                cls.account_1._post("withdrawal", 1000 + index, value_date=day, reference=f"Tarik {index}")
            else:
                cls.account_1._post("deposit", 20000 + index, value_date=day, reference=f"Remitansi {index}")
        cls.data = {
            "account_ids": cls.account_1.ids,
            "date_from": fields.Date.to_string(cls.start),
            "date_to": fields.Date.to_string(cls.today),
        }

    def _wizard(self, user):
        with Form(
            self.env["jmsc.coop.statement.wizard"].with_user(user).with_context(default_account_id=self.account_1.id)
        ) as form:
            form.date_from = self.start
            form.date_to = self.today
        return form.record

    def _render(self, user, lang="en_US"):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=lang)
            ._render_qweb_pdf("jmsc_cooperative.action_report_statement", self.account_1.ids, data=dict(self.data))
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def test_pdf_layout(self):
        """Every line with its running balance, in order; header and page numbers on each page."""
        text = pdf_text(self._render(self.teller))
        pages = text.split("\f")
        pages = [page for page in pages if page.strip()]
        self.assertEqual(len(pages), 3)
        for number, page in enumerate(pages, 1):
            self.assertIn(self.account_1.name, page)
            self.assertIn(self.member_1.partner_id.name, page)
            self.assertIn(f"Page {number} of 3", page)
            self.assertIn("Balance", page)
        statement = self.account_1._statement(self.start, self.today)
        self.assertEqual(len(statement["lines"]), LINES)
        position = 0
        for line in statement["lines"]:
            found = text.find(line.name, position)
            self.assertGreater(found, -1, f"{line.name} missing or out of order")
            row = text[found : text.find("\n", found)]
            self.assertIn(format_rupiah(line.running_balance), row)
            self.assertIn(format_rupiah(abs(line.amount)), row)
            position = found
        self.assertIn(format_rupiah(statement["opening"]), text)
        self.assertIn(format_rupiah(statement["closing"]), text.split("Closing Balance")[1])

    def test_pdf_in_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        text = pdf_text(self._render(self.teller, lang="id_ID"))
        self.assertIn("Rp ", text)
        self.assertNotIn("Opening Balance", text)

    def test_short_statement_is_the_pdf_itself(self):
        action = self._wizard(self.teller).action_print_pdf()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "jmsc_cooperative.report_statement")

    def test_long_statement_in_background_equals_short_one(self):
        short = self._render(self.teller)
        self.env["ir.config_parameter"].sudo().set_param("jmsc_cooperative.statement_background_lines", "50")
        action = self._wizard(self.teller).action_print_pdf()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(str(LINES), action["params"]["message"])
        job = enqueued(self.env, "_job_statement_pdf")
        self.assertEqual(len(job), 1)
        self.assertEqual(job.user_id, self.teller)
        self.assertEqual(job.channel, "root.jmsc_cooperative")
        perform(self.env, "_job_statement_pdf")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "jmsc.coop.account"), ("res_id", "=", self.account_1.id)]
        )
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.mimetype, "application/pdf")
        background = base64.b64decode(attachment.datas)
        self.assertEqual(without_print_time(pdf_text(background)), without_print_time(pdf_text(short)))
        message = self.account_1.message_ids[:1]
        self.assertEqual(message.attachment_ids, attachment)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        self.assertIn(self.teller.partner_id, message.partner_ids)
        # the requester may read the statement that was attached for them
        self.assertTrue(attachment.with_user(self.teller).datas)
        # the teller screen's button takes the same road
        teller_screen = self.env["jmsc.coop.teller"].with_user(self.teller).create({"account_id": self.account_1.id})
        this_month = self.account_1._statement_line_count(self.today.replace(day=1), self.today)
        teller_screen.action_print_statement()
        self.assertEqual(len(enqueued(self.env, "_job_statement_pdf")), int(this_month > 50))

    def test_other_cooperative_cannot_ask_in_background(self):
        self.env["ir.config_parameter"].sudo().set_param("jmsc_cooperative.statement_background_lines", "50")
        with self.assertRaises(AccessError):
            self.account_1.with_user(self.staff_b)._statement_pdf_action(dict(self.data))
        self.assertFalse(enqueued(self.env, "_job_statement_pdf"))

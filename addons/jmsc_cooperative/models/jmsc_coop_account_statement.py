import base64

from odoo import fields, models
from odoo.tools import format_date

STATEMENT_THRESHOLD_PARAM = "jmsc_cooperative.statement_background_lines"
STATEMENT_THRESHOLD = 2000


class JmscCoopAccount(models.Model):
    """Statements of any length: a long one is produced in the background (queue_job), attached to the
    account, and the requester is told in the chatter (issue #15)."""

    _inherit = "jmsc.coop.account"

    def _statement_threshold(self):
        value = self.env["ir.config_parameter"].sudo().get_param(STATEMENT_THRESHOLD_PARAM)
        return int(value) if value and value.isdigit() else STATEMENT_THRESHOLD

    def _statement_line_count(self, date_from, date_to):
        self.ensure_one()
        return self.env["jmsc.coop.transaction"].search_count(
            [("account_id", "=", self.id), ("value_date", ">=", date_from), ("value_date", "<=", date_to)]
        )

    def _statement_pdf_action(self, data):
        """The action of the statement's PDF button (teller screen, statement wizard): the PDF itself
        (through the web client's /report/download) for a short statement; for one longer than the
        threshold, a background job and a notification saying where the PDF will be."""
        self.ensure_one()
        self.check_access("read")
        date_from, date_to = fields.Date.to_date(data["date_from"]), fields.Date.to_date(data["date_to"])
        count = self._statement_line_count(date_from, date_to)
        if count <= self._statement_threshold():
            return self.env.ref("jmsc_cooperative.action_report_statement").report_action(self, data=data)
        self.with_delay(
            description=self.env._("Account statement %(account)s (%(count)s lines)", account=self.name, count=count),
        )._job_statement_pdf(data["date_from"], data["date_to"])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "sticky": False,
                "message": self.env._(
                    "The statement of %(account)s has %(count)s lines: it is being prepared in the background. "
                    "It will be attached to the account and you will be notified.",
                    account=self.name,
                    count=count,
                ),
            },
        }

    def _job_statement_pdf(self, date_from, date_to):
        """Background job: render the statement as the user who asked for it, attach it to the account
        and tell that user in the account's chatter."""
        self.ensure_one()
        self.check_access("read")  # the job runs as the requester: the same rights as the button
        data = {"account_ids": self.ids, "date_from": date_from, "date_to": date_to}
        pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "jmsc_cooperative.action_report_statement", self.ids, data=data
        )
        period = (
            f"{format_date(self.env, fields.Date.to_date(date_from))} - "
            f"{format_date(self.env, fields.Date.to_date(date_to))}"
        )
        label = self.env._("Statement")
        filename = f"{label} {self.name} {date_from} {date_to}.pdf".replace("/", "-")
        # sudo: attaching needs write access to the account, which a teller who may read it need not
        # have; checked above that the requester may read this account, and the PDF holds nothing more
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": filename,
                    "type": "binary",
                    "datas": base64.b64encode(pdf),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        # sudo: a system message from OdooBot (no sender address needed) to the requester only, on the
        # account the requester may read (checked above)
        self.sudo().message_post(
            body=self.env._(
                "The statement of %(account)s for %(period)s is ready: %(file)s.",
                account=self.name,
                period=period,
                file=filename,
            ),
            author_id=self.env.ref("base.partner_root").id,
            partner_ids=self.env.user.partner_id.ids,
            attachment_ids=attachment.ids,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return attachment

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class JmscCoopStatementWizard(models.TransientModel):
    """Choose the period of an account statement and its format."""

    _name = "jmsc.coop.statement.wizard"
    _description = "Account Statement"

    account_id = fields.Many2one("jmsc.coop.account", required=True)
    # the ledger's days (the cooperative's time zone), as the postings are dated
    date_from = fields.Date(
        required=True, default=lambda self: self.env["res.partner"]._coop_user_today().replace(day=1)
    )
    date_to = fields.Date(required=True, default=lambda self: self.env["res.partner"]._coop_user_today())

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The statement period must start before it ends."))

    def _data(self):
        # the account travels in the data too: with data, the web client's /report/pdf URL carries no ids
        return {
            "account_ids": self.account_id.ids,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def action_print_pdf(self):
        self.ensure_one()
        return self.account_id._statement_pdf_action(self._data())

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("jmsc_cooperative.action_report_statement_xlsx").report_action(
            self.account_id, data=self._data()
        )

"""Breach notification (UU PDP, 3x24 hours): who opened a person's file, or what an account read, between two
dates; shown as a list or downloaded as XLSX. JMSC Managers only."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class JmscAccessLogReport(models.TransientModel):
    _name = "jmsc.access.log.report"
    _description = "Access Log Report"

    mode = fields.Selection(
        [("person", "Who opened this person's file"), ("user", "What this account read")],
        required=True,
        default="person",
    )
    partner_id = fields.Many2one("res.partner", string="Person")
    user_id = fields.Many2one("res.users", string="Account")
    date_from = fields.Datetime(required=True, default=lambda self: fields.Datetime.now() - relativedelta(days=3))
    date_to = fields.Datetime(required=True, default=fields.Datetime.now)

    @api.model_create_multi
    def create(self, vals_list):
        self._jmsc_check_manager()
        return super().create(vals_list)

    def _jmsc_check_manager(self):
        if not self.env.user.has_group("jmsc_base.group_jmsc_manager"):
            raise AccessError(self.env._("Only JMSC Managers can read the access log."))

    def _jmsc_domain(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The start date %s is after the end date.", self.date_from))
        domain = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        if self.mode == "person":
            if not self.partner_id:
                raise UserError(self.env._("Choose the person whose file was opened."))
            domain.append(("partner_id", "=", self.partner_id.id))
        else:
            if not self.user_id:
                raise UserError(self.env._("Choose the account whose reads are listed."))
            domain.append(("user_id", "=", self.user_id.id))
        return domain

    def _jmsc_lines(self):
        self._jmsc_check_manager()
        return self.env["jmsc.access.log"].search(self._jmsc_domain())

    def action_show(self):
        self._jmsc_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Access Log"),
            "res_model": "jmsc.access.log",
            "view_mode": "list,form",
            "domain": self._jmsc_domain(),
            "context": {"create": False, "edit": False, "delete": False},
        }

    def action_download_xlsx(self):
        self._jmsc_check_manager()
        return self.env.ref("jmsc_base.report_access_log_xlsx").report_action(self)

from odoo import fields, models


class JmscCoopMonthlyReportWizard(models.TransientModel):
    """The monthly cooperative report: members, deposits, withdrawals and balances per product."""

    _name = "jmsc.coop.monthly.report.wizard"
    _description = "Cooperative Monthly Report"

    cooperative_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("agency_type_id.code", "=", "cooperative")],
        default=lambda self: self.env["jmsc.coop.member"]._default_cooperative(),
    )
    month = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))

    def action_print(self):
        self.ensure_one()
        data = {"cooperative_id": self.cooperative_id.id, "month": fields.Date.to_string(self.month.replace(day=1))}
        return self.env.ref("jmsc_cooperative.action_report_monthly_xlsx").report_action(self, data=data)

from odoo import fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today

from ..models.cooperative_field import cooperative_field


class JmscCoopMonthlyReportWizard(models.TransientModel):
    """The monthly cooperative report: members, deposits, withdrawals and balances per product."""

    _name = "jmsc.coop.monthly.report.wizard"
    _description = "Cooperative Monthly Report"

    cooperative_id = cooperative_field()
    month = fields.Date(required=True, default=lambda self: office_today(self).replace(day=1))

    def action_print(self):
        self.ensure_one()
        data = {"cooperative_id": self.cooperative_id.id, "month": fields.Date.to_string(self.month.replace(day=1))}
        return self.env.ref("jmsc_cooperative.action_report_monthly_xlsx").report_action(self, data=data)

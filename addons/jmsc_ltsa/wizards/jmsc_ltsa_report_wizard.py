from odoo import fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today


class JmscLtsaReportWizard(models.TransientModel):
    _name = "jmsc.ltsa.report.wizard"
    _description = "LTSA Report Period"

    site_ids = fields.Many2many(
        "jmsc.ltsa.site", string="Sites", required=True, default=lambda self: self.env.context.get("active_ids")
    )
    date = fields.Date(string="Day", default=office_today, required=True)

    def action_print_daily(self):
        self.ensure_one()
        report = self.env.ref("jmsc_ltsa.action_report_daily_xlsx")
        return report.report_action(self.site_ids, data={"date": fields.Date.to_string(self.date)})

    def action_print_monthly(self):
        self.ensure_one()
        report = self.env.ref("jmsc_ltsa.action_report_sla_xlsx")
        return report.report_action(self.site_ids, data={"month": f"{self.date:%Y-%m}"})

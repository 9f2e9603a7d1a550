"""XLSX of the access log for one person or one account between two dates (breach notification)."""

from odoo import fields, models


class AccessLogXlsx(models.AbstractModel):
    _name = "report.jmsc_base.access_log_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Access Log XLSX"

    def _jmsc_xlsx_sheet(self, reports):
        operations = dict(self.env["jmsc.access.log"]._fields["operation"]._description_selection(self.env))

        def local(line):
            return fields.Datetime.context_timestamp(line.with_context(tz="Asia/Jakarta"), line.date).replace(
                tzinfo=None
            )

        columns = [
            (self.env._("Date (Asia/Jakarta)"), 20, local, "datetime"),
            (self.env._("Account"), 18, lambda line: line.user_id.login or "", None),
            (self.env._("Operation"), 18, lambda line: operations.get(line.operation, line.operation), None),
            (self.env._("Person"), 18, lambda line: line.partner_id.display_name or "", None),
            (self.env._("Model"), 18, lambda line: line.res_model_label or line.res_model, None),
            (self.env._("Record ID"), 18, lambda line: line.res_id, None),
            (self.env._("Fields"), 18, lambda line: line.field_labels or "", None),
            (self.env._("Detail"), 18, lambda line: line.detail or "", None),
            (self.env._("IP Address"), 18, lambda line: line.ip_address or "", None),
        ]
        return self.env._("Access Log"), columns, [line for report in reports for line in report._jmsc_lines()]

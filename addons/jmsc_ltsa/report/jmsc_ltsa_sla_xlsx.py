from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import models


class LtsaSlaXlsx(models.AbstractModel):
    _name = "report.jmsc_ltsa.sla_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "LTSA Monthly SLA Compliance (XLSX)"

    def generate_xlsx_report(self, workbook, data, sites):
        Step = self.env["jmsc.ltsa.step"]
        formats = self._jmsc_xlsx_formats(workbook)
        for site in sites:
            month = (data or {}).get("month") or f"{site._local_today():%Y-%m}"
            first = date.fromisoformat(f"{month}-01")
            start = site._utc_day_bounds(first)[0]
            end = site._utc_day_bounds(first + relativedelta(months=1))[0]
            domain = [("site_id", "=", site.id), ("queued_date", ">=", start), ("queued_date", "<", end)]
            groups = Step._read_group(
                domain,
                ["desk_id", "service_id"],
                ["__count", "wait_minutes:avg", "service_minutes:avg"],
                order="desk_id, service_id",
            )
            breached = {
                (desk, service): count
                for desk, service, count in Step._read_group(
                    domain + [("sla_state", "=", "breached")], ["desk_id", "service_id"], ["__count"]
                )
            }
            sheet = workbook.add_worksheet(f"{site.name[:20]} {month}")
            lines = [
                (desk, service, count, breached.get((desk, service), 0), wait, service_time)
                for desk, service, count, wait, service_time in groups
            ]
            columns = [
                (self.env._("Desk"), 30, lambda line: line[0].name or self.env._("(not called)"), None),
                (self.env._("Service"), 30, lambda line: line[1].name, None),
                (self.env._("Steps"), 16, lambda line: line[2], None),
                (self.env._("Breached"), 16, lambda line: line[3], None),
                (self.env._("SLA Compliance"), 16, lambda line: (line[2] - line[3]) / line[2], "percent"),
                (self.env._("Average Wait (min)"), 16, lambda line: line[4] or 0.0, "decimal"),
                (self.env._("Average Service (min)"), 16, lambda line: line[5] or 0.0, "decimal"),
            ]
            row = self._jmsc_xlsx_table(sheet, formats, columns, lines, freeze_columns=2)
            total = sum(line[2] for line in lines)
            total_breached = sum(line[3] for line in lines)
            sheet.write(row, 0, self.env._("Total"), formats["header"])
            sheet.write_number(row, 2, total, formats["header"])
            sheet.write_number(row, 3, total_breached, formats["header"])
            if total:
                sheet.write_number(row, 4, (total - total_breached) / total, formats["percent"])

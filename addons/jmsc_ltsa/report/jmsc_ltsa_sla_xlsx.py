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
        bold, percent, minutes = formats["header"], formats["percent"], formats["decimal"]
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
            headers = [
                self.env._("Desk"),
                self.env._("Service"),
                self.env._("Steps"),
                self.env._("Breached"),
                self.env._("SLA Compliance"),
                self.env._("Average Wait (min)"),
                self.env._("Average Service (min)"),
            ]
            sheet.write_row(0, 0, headers, bold)
            sheet.freeze_panes(1, 2)
            sheet.set_column(0, 1, 30)
            sheet.set_column(2, 6, 16)
            total = total_breached = 0
            row = 0
            for row, (desk, service, count, wait, service_time) in enumerate(groups, start=1):
                missed = breached.get((desk, service), 0)
                total += count
                total_breached += missed
                sheet.write(row, 0, desk.name or self.env._("(not called)"))
                sheet.write(row, 1, service.name)
                sheet.write_number(row, 2, count)
                sheet.write_number(row, 3, missed)
                sheet.write_number(row, 4, (count - missed) / count, percent)
                sheet.write_number(row, 5, wait or 0.0, minutes)
                sheet.write_number(row, 6, service_time or 0.0, minutes)
            row += 1
            sheet.write(row, 0, self.env._("Total"), bold)
            sheet.write_number(row, 2, total, bold)
            sheet.write_number(row, 3, total_breached, bold)
            if total:
                sheet.write_number(row, 4, (total - total_breached) / total, percent)

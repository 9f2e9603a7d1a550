from datetime import date

import pytz

from odoo import fields, models


class LtsaDailyXlsx(models.AbstractModel):
    _name = "report.jmsc_ltsa.daily_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "LTSA Daily Service Report (XLSX)"

    def _report_day(self, data, site):
        day = (data or {}).get("date")
        return fields.Date.to_date(day) if day else site._local_today()

    def generate_xlsx_report(self, workbook, data, sites):
        formats = self._jmsc_xlsx_formats(workbook)
        bold, stamp, minutes = formats["header"], formats["datetime"], formats["decimal"]
        for site in sites:
            day = self._report_day(data, site)
            tz = pytz.timezone(site.calendar_id.tz or "Asia/Jakarta")

            def local(value, tz=tz):
                return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None) if value else None

            start, end = site._utc_day_bounds(day)
            steps = self.env["jmsc.ltsa.step"].search(
                [("site_id", "=", site.id), ("queued_date", ">=", start), ("queued_date", "<=", end)],
                order="queued_date, id",
            )
            sheet = workbook.add_worksheet(f"{site.name[:20]} {day:%Y-%m-%d}")
            headers = [
                self.env._("Request"),
                self.env._("Migrant"),
                self.env._("Service"),
                self.env._("Desk"),
                self.env._("Status"),
                self.env._("Queued"),
                self.env._("Called"),
                self.env._("Started"),
                self.env._("Finished"),
                self.env._("Wait (min)"),
                self.env._("Service (min)"),
                self.env._("Deadline"),
                self.env._("SLA"),
            ]
            sheet.write_row(0, 0, headers, bold)
            sheet.freeze_panes(1, 0)
            sheet.set_column(0, 4, 22)
            sheet.set_column(5, 11, 17)
            states = dict(self.env["jmsc.ltsa.step"]._fields["state"]._description_selection(self.env))
            slas = dict(self.env["jmsc.ltsa.step"]._fields["sla_state"]._description_selection(self.env))
            for row, step in enumerate(steps, start=1):
                sheet.write(row, 0, step.request_id.name)
                sheet.write(row, 1, step.partner_id.name or "")
                sheet.write(row, 2, step.service_id.name)
                sheet.write(row, 3, step.desk_id.name or "")
                sheet.write(row, 4, states[step.state])
                for col, value in enumerate(
                    (step.queued_date, step.called_date, step.started_date, step.finished_date), start=5
                ):
                    if value:
                        sheet.write_datetime(row, col, local(value), stamp)
                sheet.write_number(row, 9, step.wait_minutes, minutes)
                sheet.write_number(row, 10, step.service_minutes, minutes)
                if step.deadline:
                    sheet.write_datetime(row, 11, local(step.deadline), stamp)
                sheet.write(row, 12, slas[step.sla_state])
            self._write_tickets(workbook, site, day, local, bold, stamp, minutes)

    def _write_tickets(self, workbook, site, day: date, local, bold, stamp, minutes):
        tickets = self.env["jmsc.ltsa.ticket"].search(
            [("site_id", "=", site.id), ("day", "=", day)], order="category_id, number"
        )
        sheet = workbook.add_worksheet(f"{site.name[:18]} tickets {day:%m-%d}")
        headers = [
            self.env._("Ticket"),
            self.env._("Category"),
            self.env._("Priority"),
            self.env._("Status"),
            self.env._("Desk"),
            self.env._("Calls"),
            self.env._("Issued"),
            self.env._("Called"),
            self.env._("Started"),
            self.env._("Finished"),
            self.env._("Wait (min)"),
            self.env._("Service (min)"),
        ]
        sheet.write_row(0, 0, headers, bold)
        sheet.freeze_panes(1, 1)
        sheet.set_column(0, 11, 16)
        states = dict(tickets._fields["state"]._description_selection(self.env))
        priorities = dict(tickets._fields["priority"]._description_selection(self.env))
        for row, ticket in enumerate(tickets, start=1):
            sheet.write(row, 0, ticket.name)
            sheet.write(row, 1, ticket.category_id.name)
            sheet.write(row, 2, priorities[ticket.priority])
            sheet.write(row, 3, states[ticket.state])
            sheet.write(row, 4, ticket.desk_id.name or "")
            sheet.write_number(row, 5, ticket.call_count)
            for col, value in enumerate(
                (ticket.issued_date, ticket.called_date, ticket.started_date, ticket.finished_date), start=6
            ):
                if value:
                    sheet.write_datetime(row, col, local(value), stamp)
            sheet.write_number(row, 10, ticket.wait_minutes, minutes)
            sheet.write_number(row, 11, ticket.service_minutes, minutes)

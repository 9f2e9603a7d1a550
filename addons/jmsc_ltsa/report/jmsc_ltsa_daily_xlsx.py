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
        states = dict(self.env["jmsc.ltsa.step"]._fields["state"]._description_selection(self.env))
        slas = dict(self.env["jmsc.ltsa.step"]._fields["sla_state"]._description_selection(self.env))
        for site in sites:
            day = self._report_day(data, site)
            tz = site._local_tz()

            def local(value, tz=tz):
                return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None) if value else None

            start, end = site._utc_day_bounds(day)
            steps = self.env["jmsc.ltsa.step"].search(
                [("site_id", "=", site.id), ("queued_date", ">=", start), ("queued_date", "<=", end)],
                order="queued_date, id",
            )
            sheet = workbook.add_worksheet(f"{site.name[:20]} {day:%Y-%m-%d}")
            columns = [
                (self.env._("Request"), 22, lambda step: step.request_id.name, None),
                (self.env._("Migrant"), 22, lambda step: step.partner_id.name or "", None),
                (self.env._("Service"), 22, lambda step: step.service_id.name, None),
                (self.env._("Desk"), 22, lambda step: step.desk_id.name or "", None),
                (self.env._("Status"), 22, lambda step: states[step.state], None),
                *self._timing_columns(local, "queued_date", self.env._("Queued"), 17),
                (self.env._("Deadline"), 17, lambda step: local(step.deadline), "datetime"),
                (self.env._("SLA"), None, lambda step: slas[step.sla_state], None),
            ]
            self._jmsc_xlsx_table(sheet, formats, columns, steps)
            self._write_tickets(workbook, formats, site, day, local)

    def _timing_columns(self, local, first_field, first_title, width):
        """Queued (or issued), called, started, finished in local time, then wait and service minutes:
        the same columns for a request's step and a queue ticket."""
        times = [
            (first_field, first_title),
            ("called_date", self.env._("Called")),
            ("started_date", self.env._("Started")),
            ("finished_date", self.env._("Finished")),
        ]
        minutes = [("wait_minutes", self.env._("Wait (min)")), ("service_minutes", self.env._("Service (min)"))]
        return [(title, width, lambda record, name=name: local(record[name]), "datetime") for name, title in times] + [
            (title, width, lambda record, name=name: record[name], "decimal") for name, title in minutes
        ]

    def _write_tickets(self, workbook, formats, site, day: date, local):
        tickets = self.env["jmsc.ltsa.ticket"].search(
            [("site_id", "=", site.id), ("day", "=", day)], order="category_id, number"
        )
        sheet = workbook.add_worksheet(f"{site.name[:18]} tickets {day:%m-%d}")
        states = dict(tickets._fields["state"]._description_selection(self.env))
        priorities = dict(tickets._fields["priority"]._description_selection(self.env))
        columns = [
            (self.env._("Ticket"), 16, lambda ticket: ticket.name, None),
            (self.env._("Category"), 16, lambda ticket: ticket.category_id.name, None),
            (self.env._("Priority"), 16, lambda ticket: priorities[ticket.priority], None),
            (self.env._("Status"), 16, lambda ticket: states[ticket.state], None),
            (self.env._("Desk"), 16, lambda ticket: ticket.desk_id.name or "", None),
            (self.env._("Calls"), 16, lambda ticket: ticket.call_count, None),
            *self._timing_columns(local, "issued_date", self.env._("Issued"), 16),
        ]
        self._jmsc_xlsx_table(sheet, formats, columns, tickets, freeze_columns=1)

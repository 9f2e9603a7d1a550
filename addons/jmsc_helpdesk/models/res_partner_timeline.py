# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """The call centre's part of the migrant timeline: cases opened and closed, and the calls logged on them.

        Read as the current user, so the sensitivity rules of the call centre apply: an agent sees a sensitive
        (TPPO, abuse, death) case only while it is assigned to them, case managers see all; the calls of a case
        follow it. A portal migrant never sees a sensitive case nor the call log on their own page. The detail
        names the case type and stage only, never the description or internal notes. One read per kind.
        """
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        partners = partners.filtered("id")
        Ticket = self.env["helpdesk.ticket"]
        if not partners or not Ticket.has_access("read"):
            return events
        source = self.env._("Call Centre")
        portal = self.env.user.share
        domain = [("jmsc_migrant_id", "in", partners.ids)]
        if portal:
            domain.append(("jmsc_is_sensitive", "=", False))
        tickets = Ticket.search_fetch(
            domain,
            ["jmsc_migrant_id", "number", "category_id", "stage_id", "jmsc_sla_start", "create_date", "closed_date"],
        )
        for ticket in tickets:
            pid = ticket.jmsc_migrant_id.id
            detail = ", ".join(x for x in [ticket.number, ticket.category_id.name] if x)
            ref = ("helpdesk.ticket", ticket.id)
            events.append(
                self._jmsc_timeline_event(
                    pid,
                    ticket.jmsc_sla_start or ticket.create_date,
                    "case_opened",
                    "jmsc_helpdesk",
                    self.env._("Call centre case opened"),
                    detail,
                    *ref,
                    "fa-life-ring",
                    source=source,
                )
            )
            if ticket.closed_date:
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        ticket.closed_date,
                        "case_closed",
                        "jmsc_helpdesk",
                        self.env._("Call centre case closed"),
                        ", ".join(x for x in [detail, ticket.stage_id.name] if x),
                        *ref,
                        "fa-check-circle-o",
                        sequence=60,
                        source=source,
                    )
                )
        Call = self.env["jmsc.helpdesk.call"]
        if portal or not tickets or not Call.has_access("read"):
            return events
        directions = self._jmsc_timeline_selection_labels("jmsc.helpdesk.call", "direction")
        calls = Call.search_fetch(
            [("ticket_id", "in", tickets.ids)], ["ticket_id", "direction", "call_date", "duration"]
        )
        for call in calls:
            ticket = call.ticket_id
            direction = directions.get(call.direction, call.direction)
            minutes = "%.0f" % call.duration
            detail = self.env._(
                "%(direction)s, %(minutes)s min, case %(case)s",
                direction=direction,
                minutes=minutes,
                case=ticket.number,
            )
            events.append(
                self._jmsc_timeline_event(
                    ticket.jmsc_migrant_id.id,
                    call.call_date,
                    "call",
                    "jmsc_helpdesk",
                    self.env._("Call"),
                    detail,
                    "jmsc.helpdesk.call",
                    call.id,
                    "fa-phone",
                    sequence=15,
                    portal=False,
                    source=source,
                )
            )
        return events

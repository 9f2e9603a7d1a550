# pylint: disable=consider-merging-classes-inherited
from odoo import api, models

# the kinds of events the call centre reports and their options (see _jmsc_timeline_source)
KINDS = {
    "case_opened": {"icon": "fa-life-ring"},
    "case_closed": {"icon": "fa-check-circle-o", "sequence": 60},
    "call": {"icon": "fa-phone", "sequence": 15, "portal": False},
}


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
        portal = self.env.user.share
        tickets = self._jmsc_timeline_read(
            "helpdesk.ticket",
            partners,
            ["jmsc_migrant_id", "number", "category_id", "stage_id", "jmsc_sla_start", "create_date", "closed_date"],
            domain=[("jmsc_is_sensitive", "=", False)] if portal else [],
            partner_field="jmsc_migrant_id",
        )
        add = self._jmsc_timeline_source(events, "jmsc_helpdesk", KINDS, self.env._("Call Centre"))
        for ticket in tickets:
            person = ticket.jmsc_migrant_id
            detail = ", ".join(x for x in [ticket.number, ticket.category_id.name] if x)
            opened = ticket.jmsc_sla_start or ticket.create_date
            add("case_opened", ticket, opened, self.env._("Call centre case opened"), detail, partner=person)
            if ticket.closed_date:
                title = self.env._("Call centre case closed")
                detail = ", ".join(x for x in [detail, ticket.stage_id.name] if x)
                add("case_closed", ticket, ticket.closed_date, title, detail, partner=person)
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
            person = ticket.jmsc_migrant_id
            add("call", call, call.call_date, self.env._("Call"), detail, partner=person)
        return events

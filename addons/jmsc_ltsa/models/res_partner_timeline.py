# pylint: disable=consider-merging-classes-inherited
from odoo import api, models

# the kinds of events the LTSA reports and their options (see _jmsc_timeline_source)
KINDS = {
    "ltsa_visit": {"icon": "fa-ticket"},
    "ltsa_request": {"icon": "fa-list-ol"},
    "ltsa_request_done": {"icon": "fa-check", "sequence": 60},
    "ltsa_document": {"icon": "fa-id-card-o", "sequence": 50},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """LTSA's part of the migrant timeline: visits (queue tickets), service requests and the documents issued
        at a desk. One read per kind of record."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        add = self._jmsc_timeline_source(events, "jmsc_ltsa", KINDS, self.env._("LTSA"))
        tickets = self._jmsc_timeline_read(
            "jmsc.ltsa.ticket", partners, ["partner_id", "name", "site_id", "category_id", "issued_date"]
        )
        for ticket in tickets:
            detail = ", ".join(x for x in [ticket.site_id.name, ticket.category_id.name, ticket.name] if x)
            add("ltsa_visit", ticket, ticket.issued_date, self.env._("Visit to the LTSA service desk"), detail)
        requests = self._jmsc_timeline_read(
            "jmsc.ltsa.request",
            partners,
            ["partner_id", "name", "site_id", "state", "confirmed_date", "done_date"],
            domain=[("state", "!=", "draft")],
        )
        for request in requests:
            detail = ", ".join(x for x in [request.name, request.site_id.name] if x)
            if request.confirmed_date:
                title = self.env._("LTSA service request opened")
                add("ltsa_request", request, request.confirmed_date, title, detail)
            if request.state == "done" and request.done_date:
                title = self.env._("LTSA service request completed")
                add("ltsa_request_done", request, request.done_date, title, detail)
        steps = self._jmsc_timeline_read(
            "jmsc.ltsa.step",
            partners,
            ["partner_id", "request_id", "service_id", "site_id", "finished_date"],
            domain=[("issued_document_id", "!=", False)],
        )
        for step in steps.filtered("finished_date"):
            detail = ", ".join(x for x in [step.service_id.name, step.site_id.name] if x)
            title = self.env._("Document issued at the LTSA")
            add("ltsa_document", step, step.finished_date, title, detail, link=step.request_id)
        return events

# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """LTSA's part of the migrant timeline: visits (queue tickets), service requests and the documents issued
        at a desk. One read per kind of record."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        partners = partners.filtered("id")
        if not partners:
            return events
        source = self.env._("LTSA")
        Ticket = self.env["jmsc.ltsa.ticket"]
        if Ticket.has_access("read"):
            tickets = Ticket.search_fetch(
                [("partner_id", "in", partners.ids)],
                ["partner_id", "name", "site_id", "category_id", "issued_date"],
            )
            for ticket in tickets:
                detail = ", ".join(x for x in [ticket.site_id.name, ticket.category_id.name, ticket.name] if x)
                events.append(
                    self._jmsc_timeline_event(
                        ticket.partner_id.id,
                        ticket.issued_date,
                        "ltsa_visit",
                        "jmsc_ltsa",
                        self.env._("Visit to the LTSA service desk"),
                        detail,
                        "jmsc.ltsa.ticket",
                        ticket.id,
                        "fa-ticket",
                        source=source,
                    )
                )
        Request = self.env["jmsc.ltsa.request"]
        if Request.has_access("read"):
            requests = Request.search_fetch(
                [("partner_id", "in", partners.ids), ("state", "!=", "draft")],
                ["partner_id", "name", "site_id", "state", "confirmed_date", "done_date"],
            )
            for request in requests:
                detail = ", ".join(x for x in [request.name, request.site_id.name] if x)
                ref = ("jmsc.ltsa.request", request.id)
                if request.confirmed_date:
                    events.append(
                        self._jmsc_timeline_event(
                            request.partner_id.id,
                            request.confirmed_date,
                            "ltsa_request",
                            "jmsc_ltsa",
                            self.env._("LTSA service request opened"),
                            detail,
                            *ref,
                            "fa-list-ol",
                            source=source,
                        )
                    )
                if request.state == "done" and request.done_date:
                    events.append(
                        self._jmsc_timeline_event(
                            request.partner_id.id,
                            request.done_date,
                            "ltsa_request_done",
                            "jmsc_ltsa",
                            self.env._("LTSA service request completed"),
                            detail,
                            *ref,
                            "fa-check",
                            sequence=60,
                            source=source,
                        )
                    )
        Step = self.env["jmsc.ltsa.step"]
        if Step.has_access("read"):
            steps = Step.search_fetch(
                [("partner_id", "in", partners.ids), ("issued_document_id", "!=", False)],
                ["partner_id", "request_id", "service_id", "site_id", "finished_date"],
            )
            for step in steps:
                if not step.finished_date:
                    continue
                detail = ", ".join(x for x in [step.service_id.name, step.site_id.name] if x)
                events.append(
                    self._jmsc_timeline_event(
                        step.partner_id.id,
                        step.finished_date,
                        "ltsa_document",
                        "jmsc_ltsa",
                        self.env._("Document issued at the LTSA"),
                        detail,
                        "jmsc.ltsa.request",
                        step.request_id.id,
                        "fa-id-card-o",
                        sequence=50,
                        source=source,
                    )
                )
        return events

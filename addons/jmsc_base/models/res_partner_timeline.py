# pylint: disable=consider-merging-classes-inherited
"""The migrant timeline: one chronological story of a person across every JMSC module.

The hook is ``res.partner._jmsc_timeline_events(partners, date_from, date_to)``. jmsc_base defines it with its
own events (stage changes, identity documents issued and expiring, placements, consents); each module above
overrides it in its own ``models/res_partner_timeline.py``, calls ``super()`` and appends its events. jmsc_base
knows no module above it.

Rules every part follows:

- Events are read **as the current user**: record rules and field groups apply; a module whose records the user
  may not read at all contributes nothing (``has_access``), never an access error. The only ``sudo()`` is the
  portal migrant reading their *own* stage history and documents (checked next to it), as the profile page does.
- A constant number of queries per module, whatever the number of events: one ``search_fetch`` (or
  ``_read_group``) per kind of record over all ``partners``, related names through the prefetch.
- ``date_from``/``date_to`` (dates, both optional) may be used to narrow the reads; :meth:`_jmsc_timeline`
  filters and sorts the result anyway.
- An event is a dict made by :meth:`_jmsc_timeline_event`; its ``detail`` never carries internal notes.
"""

import datetime

import pytz

from odoo import api, fields, models
from odoo.tools.misc import format_date, format_datetime

from ..tools.office_day import OFFICE_TZ as TIMELINE_TZ

# jmsc_base's kinds of events and their options (see _jmsc_timeline_source)
BASE_KINDS = {
    "stage": {"icon": "fa-flag", "sequence": 5},
    "document_issued": {"icon": "fa-id-card"},
    "document_expiry": {"icon": "fa-hourglass-end", "sequence": 90},
    "placement_departure": {"icon": "fa-plane"},
    "placement_contract_end": {"icon": "fa-file-text-o", "sequence": 80},
    "placement_return": {"icon": "fa-home"},
    "consent": {"icon": "fa-check-square-o"},
    "consent_withdrawn": {"icon": "fa-ban"},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    jmsc_timeline_html = fields.Html(
        string="Timeline",
        compute="_compute_jmsc_timeline_html",
        sanitize=False,
        help="What happened to this person in every JMSC module, newest first, as far as you may see it.",
    )

    def _compute_jmsc_timeline_html(self):
        # In a form being edited the record is a new one whose _origin is the stored partner.
        migrants = self.filtered(lambda p: p.is_migrant and p._origin.id)
        (self - migrants).jmsc_timeline_html = False
        if not migrants:
            return
        events = migrants._origin._jmsc_timeline()
        by_partner = {}
        for event in events:
            by_partner.setdefault(event["partner_id"], []).append(event)
        for partner in migrants:
            events = by_partner.get(partner._origin.id, [])
            partner.jmsc_timeline_html = partner._jmsc_timeline_render(events, links=True)

    def jmsc_timeline_form_html(self):
        """The Timeline page of the migrant form, asked for when the page is opened (widget jmsc_timeline), so
        that opening a form does not build it. Same access as the field: record rules of the partner apply."""
        self.ensure_one()
        self.check_access("read")
        return self.jmsc_timeline_html or ""

    # ------------------------------------------------------------------------------------------------------------
    # API
    # ------------------------------------------------------------------------------------------------------------
    def _jmsc_timeline(self, date_from=False, date_to=False, newest_first=True):
        """The events of the partners in ``self`` between two dates (inclusive, Asia/Jakarta), sorted.

        Refused (AccessError) when the user may not read the partners themselves: a timeline never tells more
        than the person's own record does.
        """
        self.check_access("read")
        date_from = fields.Date.to_date(date_from) if date_from else False
        date_to = fields.Date.to_date(date_to) if date_to else False
        events = self._jmsc_timeline_events(self, date_from, date_to)
        # A portal user sees only the events meant for the migrant's own page, whoever calls this.
        portal = self.env.user._is_portal()
        events = [
            e for e in events if self._jmsc_timeline_in_range(e, date_from, date_to) and (e["portal"] or not portal)
        ]
        events.sort(key=lambda e: (e["sort_key"], e["sequence"], e["res_model"] or "", e["res_id"] or 0))
        if newest_first:
            events.reverse()
        return events

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """The hook: return a list of events (see :meth:`_jmsc_timeline_event`) of ``partners``.

        Overrides call ``super()`` and extend the list. jmsc_base's part: stage changes, identity documents issued
        and expiring, placements (departure, return, contract end) and consents (given, withdrawn).
        """
        partners = partners.filtered("id")
        if not partners:
            return []
        events = []
        events += self._jmsc_timeline_stage_events(partners)
        events += self._jmsc_timeline_document_events(partners)
        events += self._jmsc_timeline_placement_events(partners)
        events += self._jmsc_timeline_consent_events(partners)
        return events

    @api.model
    def _jmsc_timeline_event(
        self,
        partner_id,
        when,
        kind,
        module,
        title,
        detail="",
        res_model=False,
        res_id=False,
        icon="fa-circle",
        sequence=10,
        portal=True,
        source="",
    ):
        """One typed event.

        :param when: a ``date`` (a whole day, Asia/Jakarta) or a naive UTC ``datetime``
        :param kind: a short code, e.g. ``stage``, ``document_expiry``, ``training_result``
        :param module: the technical name of the module that reports it, e.g. ``jmsc_training``
        :param title: a translated one-line title; ``detail``: a translated line without internal notes
        :param res_model, res_id: the record to open (read as the current user, so the user may open it)
        :param icon: a Font Awesome class; ``sequence`` orders events of the same moment
        :param portal: False for events that have no place on the migrant's own portal page
        :param source: the translated name of the service that reports it (e.g. "Training"); default Registry
        """
        if isinstance(when, datetime.datetime):
            all_day = False
            sort_key = when
        else:
            all_day = True
            local = pytz.timezone(TIMELINE_TZ).localize(datetime.datetime.combine(when, datetime.time.min))
            sort_key = local.astimezone(pytz.utc).replace(tzinfo=None)
        return {
            "partner_id": partner_id,
            "date": when,
            "all_day": all_day,
            "sort_key": sort_key,
            "kind": kind,
            "module": module,
            "title": title,
            "detail": detail or "",
            "res_model": res_model or False,
            "res_id": res_id or False,
            "icon": icon,
            "sequence": sequence,
            "portal": portal,
            "source": source or self.env._("Registry"),
        }

    @api.model
    def _jmsc_timeline_source(self, events, module, kinds, source=""):
        """The events one module reports, declared once: returns ``add(kind, record, when, title, detail="", ...)``,
        which appends to ``events`` the event about ``record``'s person that opens ``record``.

        :param kinds: each kind of event the module reports, with the options of :meth:`_jmsc_timeline_event` that
            hold for every event of that kind (``icon``, ``sequence``, ``portal``):
            ``{"training_result": {"icon": "fa-trophy", "sequence": 20}}``
        :param module, source: as in :meth:`_jmsc_timeline_event`
        ``add`` also takes ``partner=`` (the person, default ``record.partner_id``), ``link=`` (the record to
        open, default ``record``; ``False``: none) and options that differ for this one event.
        """

        def add(kind, record, when, title, detail="", partner=None, link=None, **options):
            partner = record.partner_id if partner is None else partner
            link = record if link is None else link
            event = self._jmsc_timeline_event(
                partner.id,
                when,
                kind,
                module,
                title,
                detail,
                link._name if link else False,
                link.id if link else False,
                **{"source": source, **kinds[kind], **options},
            )
            events.append(event)
            return event

        return add

    @api.model
    def _jmsc_timeline_read(self, model, partners, field_names, domain=(), partner_field="partner_id"):
        """The records of ``model`` about ``partners`` the current user may read, with ``field_names`` fetched in
        one query; none when the user has no read access to ``model``."""
        Model = self.env[model]
        partners = partners.filtered("id")
        if not partners or not Model.has_access("read"):
            return Model
        return Model.search_fetch([(partner_field, "in", partners.ids), *domain], field_names)

    @api.model
    def _jmsc_timeline_in_range(self, event, date_from, date_to):
        local_day = self._jmsc_timeline_local_day(event)
        return (not date_from or local_day >= date_from) and (not date_to or local_day <= date_to)

    @api.model
    def _jmsc_timeline_local_day(self, event):
        if event["all_day"]:
            return event["date"]
        return pytz.utc.localize(event["date"]).astimezone(pytz.timezone(TIMELINE_TZ)).date()

    @api.model
    def _jmsc_timeline_format_when(self, event):
        """The event's moment as officers read it: a date, or a date and time in Asia/Jakarta (WIB)."""
        if event["all_day"]:
            return format_date(self.env, event["date"], date_format="dd MMM yyyy")
        return format_datetime(self.env, event["date"], tz=TIMELINE_TZ, dt_format="dd MMM yyyy HH:mm") + " WIB"

    @api.model
    def _jmsc_timeline_values(self, events, links=False):
        """Rendering values: each event with its formatted moment and, where wanted, its link in the web client."""
        rows = []
        for event in events:
            row = dict(event, when=self._jmsc_timeline_format_when(event))
            row["url"] = f"/odoo/{event['res_model']}/{event['res_id']}" if links and event["res_model"] else False
            rows.append(row)
        return rows

    def _jmsc_timeline_render(self, events, links=False):
        return self.env["ir.qweb"]._render(
            "jmsc_base.jmsc_timeline_list", {"events": self._jmsc_timeline_values(events, links=links)}
        )

    @api.model
    def _jmsc_timeline_selection_labels(self, model, field_name):
        return dict(self.env[model]._fields[field_name]._description_selection(self.env))

    @api.model
    def _jmsc_timeline_own(self, partners):
        """A portal migrant's own person, for the records they may read about themselves only (UU PDP art. 7)."""
        user = self.env.user
        return user._is_portal() and partners == user.partner_id and partners.is_migrant

    # ------------------------------------------------------------------------------------------------------------
    # jmsc_base events
    # ------------------------------------------------------------------------------------------------------------
    @api.model
    def _jmsc_timeline_stage_events(self, partners):
        History = self.env["jmsc.stage.history"]
        if not History.has_access("read"):
            if not self._jmsc_timeline_own(partners):
                return []
            # Checked just above: a portal migrant reading their own stage history, nothing else.
            History = History.sudo()
        stages = self._jmsc_timeline_selection_labels("jmsc.stage.history", "stage_to")
        events = []
        add = self._jmsc_timeline_source(events, "jmsc_base", BASE_KINDS)
        for step in History.search_fetch(
            [("partner_id", "in", partners.ids)], ["partner_id", "stage_from", "stage_to", "date"]
        ):
            title = self.env._("Stage: %s", stages.get(step.stage_to, step.stage_to))
            detail = self.env._("From %s", stages[step.stage_from]) if step.stage_from else ""
            add("stage", step, step.date, title, detail)
        return events

    @api.model
    def _jmsc_timeline_document_events(self, partners):
        Document = self.env["res.partner.id_number"]
        own = False
        if not Document.has_access("read"):
            if not self._jmsc_timeline_own(partners):
                return []
            # Checked just above: a portal migrant reading their own documents, as /my/migrant-profile does.
            Document, own = Document.sudo(), True
        events = []
        add = self._jmsc_timeline_source(events, "jmsc_base", BASE_KINDS)
        documents = Document.search_fetch(
            [("partner_id", "in", partners.ids)],
            ["partner_id", "category_id", "name", "date_issued", "valid_from", "valid_until"],
        )
        for document in documents:
            category = document.category_id.name or ""
            link = False if own else document
            issued = document.date_issued or document.valid_from
            if issued:
                title = self.env._("Document issued: %s", category)
                add("document_issued", document, issued, title, document.name or "", link=link)
            if document.valid_until:
                title = self.env._("Document expires: %s", category)
                add("document_expiry", document, document.valid_until, title, document.name or "", link=link)
        return events

    @api.model
    def _jmsc_timeline_placement_events(self, partners):
        Placement = self.env["jmsc.placement"]
        if not Placement.has_access("read"):
            return []
        events = []
        add = self._jmsc_timeline_source(events, "jmsc_base", BASE_KINDS)
        placements = Placement.search_fetch(
            [("partner_id", "in", partners.ids)],
            ["partner_id", "country_id", "employer", "departure_date", "return_date", "contract_end", "state"],
        )
        for placement in placements:
            where = ", ".join(x for x in [placement.country_id.name, placement.employer] if x)
            if placement.departure_date:
                title = self.env._("Departed for placement")
                add("placement_departure", placement, placement.departure_date, title, where)
            if placement.contract_end:
                add(
                    "placement_contract_end", placement, placement.contract_end, self.env._("Work contract ends"), where
                )
            if placement.return_date:
                add("placement_return", placement, placement.return_date, self.env._("Returned from placement"), where)
        return events

    @api.model
    def _jmsc_timeline_consent_events(self, partners):
        Consent = self.env["jmsc.consent"]
        if not Consent.has_access("read"):
            return []
        purposes = self._jmsc_timeline_selection_labels("jmsc.consent", "purpose")
        events = []
        add = self._jmsc_timeline_source(events, "jmsc_base", BASE_KINDS)
        consents = Consent.search_fetch(
            [("partner_id", "in", partners.ids)], ["partner_id", "purpose", "date", "withdrawal_date"]
        )
        for consent in consents:
            purpose = purposes.get(consent.purpose, consent.purpose)
            add("consent", consent, consent.date, self.env._("Consent given"), purpose)
            if consent.withdrawal_date:
                add("consent_withdrawn", consent, consent.withdrawal_date, self.env._("Consent withdrawn"), purpose)
        return events

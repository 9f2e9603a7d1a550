import pytz

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools import public_token
from odoo.exceptions import UserError, ValidationError

from .jmsc_ltsa_guard import check_guarded_fields, guarded

PRIORITIES = [
    ("none", "Regular"),
    ("elderly", "Elderly"),
    ("disabled", "Disabled"),
    ("pregnant", "Pregnant"),
]
PRIORITY_STATES = [
    ("none", "No Priority"),
    ("declared", "Declared at the Kiosk"),
    ("confirmed", "Confirmed by the Officer"),
    ("cleared", "Cleared by the Officer"),
]
TICKET_STATES = [
    ("waiting", "Waiting"),
    ("called", "Called"),
    ("serving", "Serving"),
    ("done", "Done"),
    ("no_show", "No-show"),
]
# Set by the numbering and the desk buttons only (issue #11: a chosen number or day collides).
PROTECTED_FIELDS = {
    "number",
    "day",
    "site_id",
    "category_id",
    "state",
    "priority",
    "priority_state",
    "call_count",
    "desk_id",
    "partner_id",
    "request_id",
    "step_id",
    "issued_date",
    "called_date",
    "started_date",
    "finished_date",
    "access_token",
    "note",
}
# What a user may give when creating a ticket; the rest comes from the numbering.
CREATE_FIELDS = {"site_id", "category_id", "priority", "partner_id", "request_id", "step_id"}


class JmscLtsaTicket(models.Model):
    _name = "jmsc.ltsa.ticket"
    _description = "LTSA Queue Ticket"
    _order = "day desc, is_priority desc, issued_date, id"

    name = fields.Char(string="Ticket", compute="_compute_name", store=True, index=True)
    site_id = fields.Many2one("jmsc.ltsa.site", required=True, index=True, ondelete="cascade", readonly=True)
    category_id = fields.Many2one("jmsc.ltsa.category", required=True, index=True, ondelete="restrict", readonly=True)
    day = fields.Date(required=True, index=True, readonly=True)
    number = fields.Integer(required=True, readonly=True, default=0)
    priority = fields.Selection(PRIORITIES, default="none", required=True, readonly=True)
    priority_state = fields.Selection(PRIORITY_STATES, default="none", required=True, readonly=True)
    is_priority = fields.Boolean(compute="_compute_is_priority", store=True)
    state = fields.Selection(TICKET_STATES, default="waiting", required=True, index=True, readonly=True)
    call_count = fields.Integer(readonly=True)
    desk_id = fields.Many2one("jmsc.ltsa.desk", index=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Visitor", domain=[("is_migrant", "=", True)], index=True, readonly=True
    )
    request_id = fields.Many2one("jmsc.ltsa.request", index=True, ondelete="set null", readonly=True)
    step_id = fields.Many2one("jmsc.ltsa.step", index=True, ondelete="set null", readonly=True)
    issued_date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    called_date = fields.Datetime(readonly=True)
    started_date = fields.Datetime(readonly=True)
    finished_date = fields.Datetime(readonly=True)
    issued_time = fields.Char(string="Issued at (WIB)", compute="_compute_local_times")
    called_time = fields.Char(string="Called at (WIB)", compute="_compute_local_times")
    wait_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    service_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    access_token = fields.Char(copy=False, default=lambda self: public_token.new_token(), readonly=True)
    note = fields.Text(readonly=True)

    _sql_constraints = [
        (
            "number_unique",
            "unique(site_id, category_id, day, number)",
            "A ticket number is given once per site, category and day.",
        ),
    ]

    @api.depends("category_id.prefix", "number")
    def _compute_name(self):
        for ticket in self:
            ticket.name = f"{ticket.category_id.prefix or '?'}-{ticket.number:03d}"

    @api.depends("priority", "priority_state")
    def _compute_is_priority(self):
        for ticket in self:
            ticket.is_priority = ticket.priority != "none" and ticket.priority_state != "cleared"

    @api.depends("issued_date", "called_date", "site_id.calendar_id.tz")
    def _compute_local_times(self):
        for ticket in self:
            ticket.issued_time = ticket._local_time(ticket.issued_date)
            ticket.called_time = ticket._local_time(ticket.called_date)

    @api.depends("issued_date", "called_date", "started_date", "finished_date")
    def _compute_minutes(self):
        for ticket in self:
            ticket.wait_minutes = (
                (ticket.called_date - ticket.issued_date).total_seconds() / 60
                if ticket.called_date and ticket.issued_date
                else 0.0
            )
            ticket.service_minutes = (
                (ticket.finished_date - ticket.started_date).total_seconds() / 60
                if ticket.finished_date and ticket.started_date
                else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        sites = self.env["jmsc.ltsa.site"]
        categories = self.env["jmsc.ltsa.category"]
        for vals in vals_list:
            if not vals.get("site_id") or not vals.get("category_id"):
                raise ValidationError(
                    self.env._("A queue ticket needs a site and a service category: choose both before issuing it.")
                )
            check_guarded_fields(self, {k: v for k, v in vals.items() if k not in CREATE_FIELDS}, PROTECTED_FIELDS)
            if vals.get("partner_id") and not self.env.su:
                # Linking a migrant must not widen what the user may read (issue #11).
                self.env["res.partner"].browse(vals["partner_id"]).check_access("read")
            site = sites.browse(vals["site_id"])
            vals.setdefault("day", site._local_today())
            vals.setdefault("priority_state", "none" if vals.get("priority", "none") == "none" else "confirmed")
            if not vals.get("number"):
                vals["number"] = site._next_ticket_number(
                    categories.browse(vals["category_id"]), fields.Date.to_date(vals["day"])
                )
        return super().create(vals_list)

    def write(self, vals):
        check_guarded_fields(self, vals, PROTECTED_FIELDS)
        return super().write(vals)

    def _local_time(self, value, fmt="%H:%M"):
        """A UTC datetime as the site's local time (WIB for West Java), e.g. '08:19 WIB'."""
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(self.site_id._local_tz())
        return f"{local.strftime(fmt)} {local.tzname()}"

    def _guarded_write(self, vals):
        return guarded(self).write(vals)

    def _mark_called(self, desk):
        self.ensure_one()
        self._guarded_write(
            {
                "state": "called",
                "desk_id": desk.id,
                "call_count": self.call_count + 1,
                "called_date": fields.Datetime.now(),
            }
        )
        if self.step_id and self.step_id.state == "waiting":
            self.step_id._guarded_write({"state": "called", "called_date": self.called_date, "desk_id": desk.id})

    def _set_priority_state(self, state):
        """The officer who called the ticket confirms or clears a priority declared at the kiosk."""
        for ticket in self:
            if ticket.priority_state != "declared":
                raise UserError(
                    self.env._("Ticket %(ticket)s has no priority declared at the kiosk to check.", ticket=ticket.name)
                )
        self._guarded_write({"priority_state": state})

    def _link_partner(self, partner_id):
        """Link the visitor found by NIK (see the identification wizard)."""
        self.ensure_one()
        if self.state not in ("called", "serving"):
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is not at a desk: call it before identifying the visitor.", ticket=self.name
                )
            )
        self._guarded_write({"partner_id": partner_id})

    def _public_data(self):
        """The part of a ticket that may be shown to anyone: no visitor data."""
        self.ensure_one()
        return {
            "id": self.id,
            "code": self.name,
            "number": self.number,
            "category": self.category_id.name,
            "day": fields.Date.to_string(self.day),
            "issued_time": self._local_time(self.issued_date),
            "priority_declared": self.priority_state == "declared",
            "access_token": self.access_token,
        }

    def action_print_receipt(self):
        self.ensure_one()
        return self.env.ref("jmsc_ltsa.action_report_ticket_receipt").report_action(self)

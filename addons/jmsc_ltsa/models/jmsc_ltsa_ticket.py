import secrets

from odoo import api, fields, models

PRIORITIES = [
    ("none", "Regular"),
    ("elderly", "Elderly"),
    ("disabled", "Disabled"),
    ("pregnant", "Pregnant"),
]
TICKET_STATES = [
    ("waiting", "Waiting"),
    ("called", "Called"),
    ("serving", "Serving"),
    ("done", "Done"),
    ("no_show", "No-show"),
]


class JmscLtsaTicket(models.Model):
    _name = "jmsc.ltsa.ticket"
    _description = "LTSA Queue Ticket"
    _order = "day desc, is_priority desc, issued_date, id"

    name = fields.Char(string="Ticket", compute="_compute_name", store=True, index=True)
    site_id = fields.Many2one("jmsc.ltsa.site", required=True, index=True, ondelete="cascade", readonly=True)
    category_id = fields.Many2one("jmsc.ltsa.category", required=True, index=True, ondelete="restrict", readonly=True)
    day = fields.Date(required=True, index=True, readonly=True)
    number = fields.Integer(required=True, readonly=True, default=0)
    priority = fields.Selection(PRIORITIES, default="none", required=True)
    is_priority = fields.Boolean(compute="_compute_is_priority", store=True)
    state = fields.Selection(TICKET_STATES, default="waiting", required=True, index=True)
    call_count = fields.Integer(readonly=True)
    desk_id = fields.Many2one("jmsc.ltsa.desk", index=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Visitor", domain=[("is_migrant", "=", True)], index=True)
    request_id = fields.Many2one("jmsc.ltsa.request", index=True, ondelete="set null")
    step_id = fields.Many2one("jmsc.ltsa.step", index=True, ondelete="set null")
    issued_date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    called_date = fields.Datetime(readonly=True)
    started_date = fields.Datetime(readonly=True)
    finished_date = fields.Datetime(readonly=True)
    wait_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    service_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    access_token = fields.Char(copy=False, default=lambda self: secrets.token_urlsafe(16), readonly=True)

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

    @api.depends("priority")
    def _compute_is_priority(self):
        for ticket in self:
            ticket.is_priority = ticket.priority != "none"

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
            site = sites.browse(vals["site_id"])
            vals.setdefault("day", site._local_today())
            if not vals.get("number"):
                vals["number"] = site._next_ticket_number(
                    categories.browse(vals["category_id"]), fields.Date.to_date(vals["day"])
                )
        return super().create(vals_list)

    def _mark_called(self, desk):
        self.ensure_one()
        self.write(
            {
                "state": "called",
                "desk_id": desk.id,
                "call_count": self.call_count + 1,
                "called_date": fields.Datetime.now(),
            }
        )
        if self.step_id and self.step_id.state == "waiting":
            self.step_id.write({"state": "called", "called_date": self.called_date, "desk_id": desk.id})

    def _public_data(self):
        """The part of a ticket that may be shown to anyone: no visitor data."""
        self.ensure_one()
        return {
            "id": self.id,
            "code": self.name,
            "number": self.number,
            "category": self.category_id.name,
            "day": fields.Date.to_string(self.day),
            "access_token": self.access_token,
        }

import secrets
from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL


def _new_token():
    return secrets.token_urlsafe(24)


class JmscLtsaSite(models.Model):
    _name = "jmsc.ltsa.site"
    _description = "LTSA Site (one-stop service centre)"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", required=True, index=True, tracking=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        required=True,
        default=lambda self: self.env.ref("jmsc_ltsa.resource_calendar_ltsa", raise_if_not_found=False),
        help="Opening hours and public holidays (global leaves) used for the SLA deadlines.",
    )
    supervisor_id = fields.Many2one("res.users", index=True, tracking=True)
    desk_ids = fields.One2many("jmsc.ltsa.desk", "site_id", string="Desks")
    board_token = fields.Char(
        copy=False,
        default=lambda self: _new_token(),
        required=True,
        readonly=True,
        groups="jmsc_ltsa.group_ltsa_officer,jmsc_base.group_jmsc_provincial_officer",
    )
    board_url = fields.Char(compute="_compute_urls", string="Lobby Board")
    kiosk_url = fields.Char(compute="_compute_urls", string="Kiosk")
    kiosk_mode = fields.Selection(
        [("officer", "Operated by an officer"), ("public", "Public self-service")],
        default="officer",
        required=True,
        tracking=True,
    )
    no_show_calls = fields.Integer(
        string="Calls before No-show",
        default=3,
        required=True,
        help="A ticket called this many times without the visitor showing up is recorded as a no-show.",
    )
    board_refresh_seconds = fields.Integer(default=10, required=True)

    _sql_constraints = [
        ("board_token_unique", "unique(board_token)", "The board token must be unique."),
        ("no_show_calls_positive", "check(no_show_calls > 0)", "Calls before no-show must be at least 1."),
        ("refresh_positive", "check(board_refresh_seconds >= 2)", "The board refresh must be at least 2 seconds."),
    ]

    @api.depends("board_token")
    def _compute_urls(self):
        base_url = self.get_base_url()
        for site in self:
            token = site.sudo().board_token
            site.board_url = f"{base_url}/jmsc/ltsa/{token}/board"
            site.kiosk_url = f"{base_url}/jmsc/ltsa/{token}/kiosk"

    def action_regenerate_token(self):
        for site in self:
            site.sudo().board_token = _new_token()

    def _local_now(self):
        self.ensure_one()
        tz = pytz.timezone(self.calendar_id.tz or "Asia/Jakarta")
        return pytz.utc.localize(fields.Datetime.now()).astimezone(tz)

    def _local_today(self):
        return self._local_now().date()

    def _utc_day_bounds(self, day):
        """UTC naive datetimes of the start and end of a local day at this site."""
        self.ensure_one()
        tz = pytz.timezone(self.calendar_id.tz or "Asia/Jakarta")
        start = tz.localize(datetime.combine(day, datetime.min.time())).astimezone(pytz.utc).replace(tzinfo=None)
        end = tz.localize(datetime.combine(day, datetime.max.time())).astimezone(pytz.utc).replace(tzinfo=None)
        return start, end

    def _next_ticket_number(self, category, day):
        """Atomically take the next number of (site, category, day).

        The upsert keeps the counter row locked until the transaction ends, so a
        concurrent issuer waits (or is retried): numbers never repeat, and a rolled
        back issue releases its number with the row, leaving no gap.
        """
        self.ensure_one()
        self.env["jmsc.ltsa.ticket.counter"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO jmsc_ltsa_ticket_counter
                    (site_id, category_id, day, last, create_uid, create_date, write_uid, write_date)
                VALUES (%(site)s, %(category)s, %(day)s, 1, %(uid)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC')
                ON CONFLICT (site_id, category_id, day)
                DO UPDATE SET last = jmsc_ltsa_ticket_counter.last + 1,
                              write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
                RETURNING last
                """,
                site=self.id,
                category=category.id,
                day=day,
                uid=self.env.uid,
            ),
            log_exceptions=False,  # a serialization failure is retried by the RPC layer
        )
        self.env["jmsc.ltsa.ticket.counter"].invalidate_model()
        return self.env.cr.fetchone()[0]

    def _check_can_issue(self):
        """Officers and supervisors of the site, provincial staff, or anyone on a public kiosk."""
        self.ensure_one()
        user = self.env.user
        if self.kiosk_mode == "public" or user.has_group("jmsc_base.group_jmsc_provincial_officer"):
            return
        if user.has_group("jmsc_ltsa.group_ltsa_officer") and self.search_count(
            [("id", "=", self.id), "|", ("desk_ids.user_ids", "in", user.ids), ("supervisor_id", "=", user.id)]
        ):
            return
        raise AccessError(
            self.env._("You cannot issue queue tickets at %(site)s: it is not one of your sites.", site=self.name)
        )

    def issue_ticket(self, category_id, priority="none"):
        """Issue the next queue ticket of a category today; what the kiosk calls.

        Returns the public part of the ticket: code, number, category, access token.
        """
        self.ensure_one()
        self._check_can_issue()
        category = self.env["jmsc.ltsa.category"].sudo().browse(int(category_id)).exists()
        if not category or category not in self.sudo().desk_ids.category_ids:
            raise UserError(self.env._("Site %(site)s has no desk serving the category you chose.", site=self.name))
        ticket = (
            self.env["jmsc.ltsa.ticket"]
            .sudo()
            .create({"site_id": self.id, "category_id": category.id, "priority": priority or "none"})
        )
        return ticket._public_data()

    def _board_data(self):
        """What the lobby board shows: desks and ticket codes only, never names or NIK."""
        self.ensure_one()
        site = self.sudo()
        today = site._local_today()
        waiting = dict(
            self.env["jmsc.ltsa.ticket"]
            .sudo()
            ._read_group(
                [("site_id", "=", site.id), ("day", "=", today), ("state", "=", "waiting")],
                ["category_id"],
                ["__count"],
            )
        )
        return {
            "site": site.name,
            "desks": [
                {
                    "desk": desk.name,
                    "ticket": desk.current_ticket_id.name or "",
                    "state": desk.current_ticket_id.state or "",
                }
                for desk in site.desk_ids.filtered("active")
            ],
            "waiting": [
                {"category": category.name, "prefix": category.prefix, "count": count}
                for category, count in waiting.items()
            ],
        }

    def _cron_check_sla(self):
        steps = self.env["jmsc.ltsa.step"].search(
            [("state", "in", ["waiting", "called", "serving", "needs_documents"]), ("deadline", "!=", False)]
        )
        steps._update_sla()
        requests = self.env["jmsc.ltsa.request"].search([("state", "=", "in_progress"), ("deadline", "!=", False)])
        requests._update_sla()
        steps.filtered(lambda s: s.sla_state == "breached" and not s.sla_notified)._notify_breach()
        requests.filtered(lambda r: r.sla_state == "breached" and not r.sla_notified)._notify_breach()

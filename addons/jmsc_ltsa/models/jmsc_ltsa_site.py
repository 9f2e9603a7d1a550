from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools import public_token
from odoo.addons.jmsc_base.tools.office_day import OFFICE_TZ
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# Tokens and links are readable by the staff who manage the site only (issue #11).
SITE_MANAGERS = "jmsc_ltsa.group_ltsa_supervisor,jmsc_base.group_jmsc_admin"


class LtsaQuotaReached(UserError):
    """The daily ticket cap of a site and category is reached."""


def _new_token():
    return public_token.new_token()


def _token_field(help):
    """A token that opens a public page of the site: unguessable, set at creation, seen by its managers only."""
    return fields.Char(
        copy=False, default=lambda self: _new_token(), required=True, readonly=True, groups=SITE_MANAGERS, help=help
    )


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
    board_token = _token_field(help="Opens the read-only lobby board; it cannot issue tickets.")
    kiosk_token = _token_field(help="Opens the kiosk that issues queue tickets; different from the board token.")
    board_url = fields.Char(compute="_compute_urls", string="Lobby Board", groups=SITE_MANAGERS)
    kiosk_url = fields.Char(compute="_compute_urls", string="Kiosk", groups=SITE_MANAGERS)
    kiosk_client_limit = fields.Integer(
        string="Kiosk Tickets per Device per Minute",
        default=10,
        required=True,
        help="Past this many tickets in a minute from one device, the kiosk refuses with a message (HTTP 429).",
    )
    kiosk_site_limit = fields.Integer(
        string="Kiosk Tickets per Site per Minute",
        default=40,
        required=True,
        help="Past this many kiosk tickets in a minute at the site, from all devices, the kiosk refuses.",
    )
    daily_cap = fields.Integer(
        string="Daily Tickets per Service Category",
        default=300,
        required=True,
        help="The kiosk issues at most this many tickets per service category and day.",
    )
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
        ("kiosk_token_unique", "unique(kiosk_token)", "The kiosk token must be unique."),
        (
            "kiosk_limits_positive",
            "check(kiosk_client_limit > 0 and kiosk_site_limit > 0 and daily_cap > 0)",
            "Kiosk limits and the daily cap must be at least 1.",
        ),
        ("no_show_calls_positive", "check(no_show_calls > 0)", "Calls before no-show must be at least 1."),
        ("refresh_positive", "check(board_refresh_seconds >= 2)", "The board refresh must be at least 2 seconds."),
    ]

    @api.depends("board_token", "kiosk_token")
    def _compute_urls(self):
        base_url = self.env["jmsc.ltsa.site"].get_base_url()  # one base URL for every site (not per record)
        for site in self:
            site.board_url = f"{base_url}/jmsc/ltsa/{site.board_token}/board"
            site.kiosk_url = f"{base_url}/jmsc/ltsa/{site.kiosk_token}/kiosk"

    def action_regenerate_token(self):
        """New board and kiosk links: only the staff who manage the site (write access on it)."""
        if not self.env.user.has_group("jmsc_ltsa.group_ltsa_supervisor") and not self.env.user.has_group(
            "jmsc_base.group_jmsc_admin"
        ):
            raise AccessError(self.env._("Only the supervisor of a site can change its board and kiosk links."))
        self.check_access("write")
        for site in self:
            site.sudo().write({"board_token": _new_token(), "kiosk_token": _new_token()})
            site.sudo().message_post(
                body=self.env._("New lobby board and kiosk links made by %(user)s.", user=self.env.user.name),
                author_id=self.env.ref("base.partner_root").id,
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _local_tz(self):
        """The site's time zone (its working calendar's), else the office's; also for no site yet (a new record)."""
        if not self:
            return pytz.timezone(OFFICE_TZ)
        self.ensure_one()
        return pytz.timezone(self.calendar_id.tz or OFFICE_TZ)

    def _local_now(self):
        return pytz.utc.localize(fields.Datetime.now()).astimezone(self._local_tz())

    def _local_today(self):
        return self._local_now().date()

    def _local_day(self, value):
        """The day at this site of the UTC naive datetime ``value``."""
        return pytz.utc.localize(value).astimezone(self._local_tz()).date()

    def _utc_day_bounds(self, day):
        """UTC naive datetimes of the start and end of a local day at this site."""
        tz = self._local_tz()
        start = tz.localize(datetime.combine(day, datetime.min.time())).astimezone(pytz.utc).replace(tzinfo=None)
        end = tz.localize(datetime.combine(day, datetime.max.time())).astimezone(pytz.utc).replace(tzinfo=None)
        return start, end

    def _next_ticket_number(self, category, day, cap=0):
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
                        WHERE %(cap)s = 0 OR jmsc_ltsa_ticket_counter.last < %(cap)s
                RETURNING last
                """,
                site=self.id,
                category=category.id,
                day=day,
                uid=self.env.uid,
                cap=cap or 0,
            ),
            log_exceptions=False,  # a serialization failure is retried by the RPC layer
        )
        self.env["jmsc.ltsa.ticket.counter"].invalidate_model()
        row = self.env.cr.fetchone()
        if not row:
            raise LtsaQuotaReached(
                self.env._(
                    "The queue for %(category)s at %(site)s is full for today (%(cap)s tickets).",
                    category=category.name,
                    site=self.name,
                    cap=cap,
                )
            )
        return row[0]

    def _check_can_issue(self):
        """Officers and supervisors of the site, or provincial staff.

        A public kiosk issues through the kiosk page only (`_kiosk_issue_ticket`), behind its rate limits.
        """
        self.ensure_one()
        user = self.env.user
        if user.has_group("jmsc_base.group_jmsc_provincial_officer"):
            return
        if user.has_group("jmsc_ltsa.group_ltsa_officer") and self.search_count(
            [("id", "=", self.id), "|", ("desk_ids.user_ids", "in", user.ids), ("supervisor_id", "=", user.id)]
        ):
            return
        raise AccessError(
            self.env._("You cannot issue queue tickets at %(site)s: it is not one of your sites.", site=self.name)
        )

    def issue_ticket(self, category_id, priority="none"):
        """Issue the next queue ticket of a category today, as an officer of the site.

        Returns the public part of the ticket: code, number, category, access token.
        The priority is the officer's own decision, hence confirmed.
        """
        self.ensure_one()
        self._check_can_issue()
        return self._issue(category_id, priority, "confirmed")

    def _kiosk_issue_ticket(self, category_id, priority="none"):
        """What the kiosk page calls, after its rate limits: a declared priority waits for the officer."""
        self.ensure_one()
        if self.kiosk_mode != "public":
            self._check_can_issue()
        return self._issue(category_id, priority, "declared", cap=self.sudo().daily_cap)

    def _issue(self, category_id, priority, priority_state, cap=0):
        category = self.env["jmsc.ltsa.category"].sudo().browse(int(category_id)).exists()
        if not category or category not in self.sudo().desk_ids.category_ids:
            raise UserError(self.env._("Site %(site)s has no desk serving the category you chose.", site=self.name))
        priority = priority or "none"
        day = self._local_today()
        # The checks above stand for the user: the ticket is created as superuser with its number.
        ticket = (
            self.env["jmsc.ltsa.ticket"]
            .sudo()
            .create(
                {
                    "site_id": self.id,
                    "category_id": category.id,
                    "priority": priority,
                    "priority_state": "none" if priority == "none" else priority_state,
                    "day": day,
                    "number": self.sudo()._next_ticket_number(category, day, cap=cap),
                }
            )
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
            "time": site._local_now().strftime("%H:%M") + " " + site._local_now().tzname(),
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

    @api.model
    def _demo_users_speak_indonesian(self, user_ids):
        """Demo: the officers read Bahasa Indonesia when it is installed."""
        if self.env["res.lang"].search_count([("code", "=", "id_ID")]):
            self.env["res.users"].browse(user_ids).write({"lang": "id_ID"})

    def _cron_check_sla(self):
        steps = self.env["jmsc.ltsa.step"].search(
            [("state", "in", ["waiting", "called", "serving", "needs_documents"]), ("deadline", "!=", False)]
        )
        steps._update_sla()
        requests = self.env["jmsc.ltsa.request"].search([("state", "=", "in_progress"), ("deadline", "!=", False)])
        requests._update_sla()
        steps.filtered(lambda s: s.sla_state == "breached" and not s.sla_notified)._notify_breach()
        requests.filtered(lambda r: r.sla_state == "breached" and not r.sla_notified)._notify_breach()

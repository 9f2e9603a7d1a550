import base64
import secrets
from datetime import datetime

import babel.dates
import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import plaintext2html
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.misc import babel_locale_parse

CALLER_TYPES = [
    ("migrant", "Migrant"),
    ("family", "Family Member"),
    ("agency", "Agency"),
    ("anonymous", "Anonymous"),
]
SLA_STATES = [("on_track", "On Track"), ("at_risk", "At Risk"), ("breached", "Breached")]
# Share of the allowed working time left under which a deadline is "at risk".
AT_RISK_SHARE = 0.25
COMPLAINT_MAX_BYTES = 5 * 1024 * 1024
COMPLAINT_MAX_FILES = 3
COMPLAINT_MAX_TOTAL_BYTES = 10 * 1024 * 1024
COMPLAINT_MIMETYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
COMPLAINT_TEXT_LIMITS = {"name": 128, "contact": 128, "migrant_name": 128, "description": 5000}
CASE_MANAGER_GROUP = "jmsc_helpdesk.group_jmsc_helpdesk_case_manager"
AGENT_GROUP = "jmsc_helpdesk.group_jmsc_helpdesk_agent"
# Tracking codes: no I, L, O, U, 0 or 1, so a code read out on the phone cannot be misheard.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_GROUPS = 3
TRACKING_PREFIX = "JMSC"
# Context key set only by the methods allowed to change the guarded fields.
SENSITIVITY_KEY = "jmsc_sensitivity_change"
MODERATION_KEY = "jmsc_moderation_change"


def jmsc_new_tracking_code():
    groups = ("".join(secrets.choice(TRACKING_ALPHABET) for _i in range(4)) for _g in range(TRACKING_GROUPS))
    return "-".join([TRACKING_PREFIX, *groups])


def jmsc_normalise_tracking_code(raw):
    """``" jmsc 7k3q-9wxm 4tpa "`` -> ``"JMSC-7K3Q-9WXM-4TPA"``; None if it cannot be a tracking code."""
    if not raw or not isinstance(raw, str) or len(raw) > 64:
        return None
    compact = "".join(ch for ch in raw.upper() if ch.isalnum())
    if compact.startswith(TRACKING_PREFIX):
        compact = compact[len(TRACKING_PREFIX) :]
    if len(compact) != 4 * TRACKING_GROUPS or any(ch not in TRACKING_ALPHABET for ch in compact):
        return None
    return "-".join([TRACKING_PREFIX, *(compact[i : i + 4] for i in range(0, len(compact), 4))])


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    jmsc_caller_type = fields.Selection(CALLER_TYPES, string="Caller Type", default="migrant", tracking=True)
    jmsc_caller_name = fields.Char(string="Caller Name")
    jmsc_caller_phone = fields.Char(string="Caller Contact")
    jmsc_migrant_lookup = fields.Char(
        string="Find Migrant",
        store=False,
        help="Type a NIK, passport number, phone number or name to link the migrant's profile.",
    )
    jmsc_migrant_id = fields.Many2one(
        "res.partner",
        string="Migrant",
        domain=[("is_migrant", "=", True)],
        index=True,
        tracking=True,
        help="The migrant the case is about.",
    )
    jmsc_subject_name = fields.Char(
        string="Migrant Name (as reported)", help="The name given by the caller, before the profile is found."
    )
    jmsc_regency_id = fields.Many2one(
        "jmsc.regency", string="Regency/City", related="jmsc_migrant_id.regency_id", store=True, index=True
    )
    jmsc_country_id = fields.Many2one(
        "res.country",
        string="Subject's Country",
        compute="_compute_jmsc_country_id",
        store=True,
        readonly=False,
        index=True,
        help="Where the migrant is now.",
    )
    jmsc_local_time = fields.Char(string="Subject's Local Time", compute="_compute_jmsc_local_time")
    jmsc_is_sensitive = fields.Boolean(
        string="Sensitive",
        compute="_compute_jmsc_is_sensitive",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    jmsc_sensitive_visible = fields.Boolean(
        string="Visible to Me", compute="_compute_jmsc_sensitive_visible", search="_search_jmsc_sensitive_visible"
    )
    jmsc_in_moderation = fields.Boolean(related="stage_id.jmsc_moderation", string="Awaiting Moderation")
    jmsc_decision = fields.Text(string="Manager's Decision", tracking=True, copy=False)
    jmsc_decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)
    jmsc_call_ids = fields.One2many("jmsc.helpdesk.call", "ticket_id", string="Calls")
    jmsc_call_count = fields.Integer(compute="_compute_jmsc_counts", string="Call Count")
    jmsc_referral_ids = fields.One2many("jmsc.helpdesk.referral", "ticket_id", string="Referrals")
    jmsc_referral_count = fields.Integer(compute="_compute_jmsc_counts", string="Referral Count")
    jmsc_escalation_ids = fields.One2many("jmsc.helpdesk.escalation", "ticket_id", string="Escalations")
    # SLA
    jmsc_sla_start = fields.Datetime(
        string="Reported On",
        default=fields.Datetime.now,
        copy=False,
        index=True,
        help="When the call centre received the case: the SLA clock starts here.",
    )
    jmsc_response_deadline = fields.Datetime(
        string="First Response Deadline", compute="_compute_jmsc_deadlines", store=True, index=True
    )
    jmsc_resolution_deadline = fields.Datetime(
        string="Resolution Deadline", compute="_compute_jmsc_deadlines", store=True, index=True
    )
    jmsc_first_response_date = fields.Datetime(string="First Response", copy=False, tracking=True)
    jmsc_sla_paused_since = fields.Datetime(string="SLA Paused Since", copy=False)
    jmsc_sla_paused_hours = fields.Float(string="SLA Paused (working hours)", copy=False)
    jmsc_sla_state = fields.Selection(SLA_STATES, string="SLA", default="on_track", index=True, copy=False)
    jmsc_sla_breached = fields.Boolean(
        string="SLA Breached", copy=False, help="Set once any deadline of the case has been missed."
    )
    jmsc_escalated_response = fields.Boolean(string="Response Breach Escalated", copy=False)
    jmsc_escalated_resolution = fields.Boolean(string="Resolution Breach Escalated", copy=False)
    # Public complaint tracking
    jmsc_tracking_code = fields.Char(
        string="Tracking Code",
        copy=False,
        readonly=True,
        index=True,
    )
    jmsc_public_update = fields.Text(
        string="Public Update", tracking=True, help="Shown to whoever checks the case with its tracking code."
    )

    _sql_constraints = [
        ("jmsc_tracking_code_unique", "unique(jmsc_tracking_code)", "The tracking code of a case must be unique."),
    ]

    @api.depends("jmsc_migrant_id.current_country_id")
    def _compute_jmsc_country_id(self):
        for ticket in self:
            if ticket.jmsc_migrant_id.current_country_id:
                ticket.jmsc_country_id = ticket.jmsc_migrant_id.current_country_id

    @api.depends("jmsc_country_id")
    @api.depends_context("lang")
    def _compute_jmsc_local_time(self):
        now = datetime.now(pytz.utc)
        locale = babel_locale_parse(self.env.lang or "en_US")
        for ticket in self:
            zones = pytz.country_timezones.get(ticket.jmsc_country_id.code or "", [])
            if zones:
                local = now.astimezone(pytz.timezone(zones[0]))
                # The weekday in the user's language ("Rab 11:30" in Bahasa Indonesia).
                ticket.jmsc_local_time = (
                    f"{babel.dates.format_datetime(local, 'EEE HH:mm', locale=locale)} ({zones[0]})"
                )
            else:
                ticket.jmsc_local_time = False

    @api.depends("category_id")
    def _compute_jmsc_is_sensitive(self):
        for ticket in self:
            ticket.jmsc_is_sensitive = ticket.category_id.jmsc_is_sensitive

    @api.depends_context("uid")
    def _compute_jmsc_sensitive_visible(self):
        is_manager = self.env.user.has_group(CASE_MANAGER_GROUP)
        for ticket in self:
            ticket.jmsc_sensitive_visible = (
                is_manager or not ticket.jmsc_is_sensitive or ticket.user_id == self.env.user
            )

    def _search_jmsc_sensitive_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._(
                    "Unsupported search on sensitive visibility: %(operator)s %(value)s", operator=operator, value=value
                )
            )
        if self.env.user.has_group(CASE_MANAGER_GROUP):
            domain = expression.TRUE_DOMAIN
        else:
            domain = ["|", ("jmsc_is_sensitive", "=", False), ("user_id", "=", self.env.uid)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    def _compute_jmsc_counts(self):
        calls = dict(
            self.env["jmsc.helpdesk.call"]._read_group([("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"])
        )
        referrals = dict(
            self.env["jmsc.helpdesk.referral"]._read_group([("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"])
        )
        for ticket in self:
            ticket.jmsc_call_count = calls.get(ticket, 0)
            ticket.jmsc_referral_count = referrals.get(ticket, 0)

    @api.depends(
        "category_id.jmsc_sla_ids",
        "category_id.jmsc_response_hours",
        "category_id.jmsc_resolution_hours",
        "priority",
        "team_id.jmsc_calendar_id",
        "jmsc_sla_start",
        "jmsc_sla_paused_hours",
    )
    def _compute_jmsc_deadlines(self):
        for ticket in self:
            calendar = ticket._jmsc_calendar()
            if not (ticket.category_id and ticket.jmsc_sla_start and calendar):
                ticket.jmsc_response_deadline = ticket.jmsc_resolution_deadline = False
                continue
            response, resolution = ticket.category_id._jmsc_sla_hours(ticket.priority)
            paused = ticket.jmsc_sla_paused_hours
            ticket.jmsc_response_deadline = calendar.plan_hours(
                response + paused, ticket.jmsc_sla_start, compute_leaves=True
            )
            ticket.jmsc_resolution_deadline = calendar.plan_hours(
                resolution + paused, ticket.jmsc_sla_start, compute_leaves=True
            )

    @api.onchange("jmsc_migrant_lookup")
    def _onchange_jmsc_migrant_lookup(self):
        if not self.jmsc_migrant_lookup:
            return None
        migrants = self.env["res.partner"]._jmsc_find_migrants(self.jmsc_migrant_lookup, limit=2)
        if len(migrants) == 1:
            self.jmsc_migrant_id = migrants
            self.jmsc_migrant_lookup = False
            if not self.jmsc_subject_name:
                self.jmsc_subject_name = migrants.name
            return None
        message = (
            self.env._(
                "Several migrants match %s: refine the search (NIK or passport number).", self.jmsc_migrant_lookup
            )
            if migrants
            else self.env._("No migrant matches %s.", self.jmsc_migrant_lookup)
        )
        return {"warning": {"title": self.env._("Find Migrant"), "message": message}}

    @api.onchange("category_id")
    def _onchange_category_id_jmsc_defaults(self):
        if self.category_id:
            self.priority = self.category_id.jmsc_default_priority or self.priority
            if self.category_id.jmsc_default_team_id:
                self.team_id = self.category_id.jmsc_default_team_id

    @api.model_create_multi
    def create(self, vals_list):
        categories = self.env["helpdesk.ticket.category"].browse(
            [vals["category_id"] for vals in vals_list if vals.get("category_id")]
        )
        may_flag = self._jmsc_may_change_sensitivity()
        for vals in vals_list:
            vals.setdefault("jmsc_tracking_code", jmsc_new_tracking_code())
            category = categories.browse(vals.get("category_id"))
            if (
                "jmsc_is_sensitive" in vals
                and bool(vals["jmsc_is_sensitive"]) != bool(category.jmsc_is_sensitive)
                and not may_flag
            ):
                raise UserError(self.env._("Only a case manager or a supervisor can set the sensitive flag of a case."))
            if category:
                if "priority" not in vals and category.jmsc_default_priority:
                    vals["priority"] = category.jmsc_default_priority
                if not vals.get("team_id") and category.jmsc_default_team_id:
                    vals["team_id"] = category.jmsc_default_team_id.id
                # Whoever opens a sensitive case without assigning it stays able to see it.
                if category.jmsc_is_sensitive and not vals.get("user_id") and not self.env.su:
                    vals["user_id"] = self.env.uid
            if vals.get("jmsc_decision"):
                self._jmsc_check_decision_right()
                vals["jmsc_decision_user_id"] = self.env.uid
        tickets = super().create(vals_list)
        tickets._jmsc_refresh_sla_state()
        return tickets

    def write(self, vals):
        self._jmsc_check_guarded_write(vals)
        if "jmsc_decision" in vals:
            self._jmsc_check_decision_right()
            vals = dict(vals, jmsc_decision_user_id=self.env.uid if vals["jmsc_decision"] else False)
        stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        if not stage:
            res = super().write(vals)
            if {"priority", "category_id", "team_id"} & set(vals):
                self._jmsc_refresh_sla_state()
            return res
        if stage.closed:
            self._jmsc_check_can_close(vals)
        now = fields.Datetime.now()
        to_pause = self.filtered(lambda t: stage.jmsc_pause_sla and not t.jmsc_sla_paused_since)
        to_resume = self.filtered(lambda t: not stage.jmsc_pause_sla and t.jmsc_sla_paused_since)
        to_respond = self.filtered(lambda t: not stage.unattended and not t.jmsc_first_response_date)
        res = super().write(vals)
        # The state is frozen as it stood when the clock stopped.
        self._jmsc_refresh_sla_state(now)
        to_pause.write({"jmsc_sla_paused_since": now})
        for ticket in to_resume:
            calendar = ticket._jmsc_calendar()
            paused = calendar.get_work_hours_count(ticket.jmsc_sla_paused_since, now) if calendar else 0.0
            ticket.write(
                {"jmsc_sla_paused_hours": ticket.jmsc_sla_paused_hours + paused, "jmsc_sla_paused_since": False}
            )
        to_respond.write({"jmsc_first_response_date": now})
        (to_resume | to_respond)._jmsc_refresh_sla_state(now)
        return res

    def action_jmsc_new_call(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Call"),
            "res_model": "jmsc.helpdesk.call",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_caller_number": self.jmsc_caller_phone,
                "default_caller_name": self.jmsc_caller_name,
            },
        }

    def action_jmsc_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_helpdesk.jmsc_helpdesk_call_action")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_jmsc_view_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_helpdesk.jmsc_helpdesk_referral_action")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def _jmsc_calendar(self):
        self.ensure_one()
        return self.team_id.jmsc_calendar_id or self.env.ref(
            "jmsc_helpdesk.resource_calendar_call_centre", raise_if_not_found=False
        )

    def _jmsc_check_decision_right(self):
        if not self.env.su and not self.env.user.has_group(CASE_MANAGER_GROUP):
            raise AccessError(self.env._("Only a case manager can record the manager's decision on a case."))

    @api.model
    def _jmsc_may_change_sensitivity(self):
        return self.env.su or self.env.user.has_group(CASE_MANAGER_GROUP)

    def _jmsc_check_guarded_write(self, vals):
        """The sensitive flag, moves into/out of sensitive case types, hand-overs of sensitive cases and
        moderation stages change only through their methods (contract 2)."""
        if self.env.su:
            return
        ctx = self.env.context
        if not ctx.get(SENSITIVITY_KEY):
            if "jmsc_is_sensitive" in vals and any(
                t.jmsc_is_sensitive != bool(vals["jmsc_is_sensitive"]) for t in self
            ):
                raise UserError(
                    self.env._(
                        "The sensitive flag of a case changes only through “Change Case Type or Sensitivity”, "
                        "by a case manager or a supervisor."
                    )
                )
            if "category_id" in vals:
                category = self.env["helpdesk.ticket.category"].browse(vals["category_id"])
                for ticket in self:
                    if ticket.category_id == category:
                        continue
                    if ticket.jmsc_is_sensitive or category.jmsc_is_sensitive or ticket.category_id.jmsc_is_sensitive:
                        raise UserError(
                            self.env._(
                                "Case %s: a move into or out of a sensitive case type goes through “Change Case "
                                "Type or Sensitivity”, by a case manager or a supervisor.",
                                ticket.number,
                            )
                        )
        if "user_id" in vals and not self.env.user.has_group(CASE_MANAGER_GROUP):
            new_user = self.env["res.users"].browse(vals["user_id"])
            for ticket in self.filtered("jmsc_is_sensitive"):
                if ticket.user_id != new_user and not (new_user and new_user.sudo().has_group(CASE_MANAGER_GROUP)):
                    raise UserError(
                        self.env._(
                            "Case %s is sensitive: only a case manager can assign it to someone who is not a "
                            "case manager.",
                            ticket.number,
                        )
                    )
        if "stage_id" in vals and not ctx.get(MODERATION_KEY):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            for ticket in self:
                if ticket.stage_id != stage and (ticket.stage_id.jmsc_moderation or stage.jmsc_moderation):
                    raise UserError(
                        self.env._(
                            "Case %s is a web complaint awaiting moderation: accept it or reject it as spam "
                            "with the buttons on the case.",
                            ticket.number,
                        )
                    )

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        """Officers without an email address log notes and move cases all the same (contract 7): the
        message keeps them as author and goes out from the company's address (else OdooBot's)."""
        author_id, email_from = super()._message_compute_author(author_id, email_from, raise_on_email=False)
        if not email_from:
            email_from = self._jmsc_fallback_email_from()
        return author_id, email_from

    def _jmsc_fallback_email_from(self):
        return self.env.company.partner_id.email_formatted or self.env.ref("base.partner_root").email_formatted

    def _jmsc_post_note(self, body):
        """A note in the chatter that never needs the acting user's email address (contract 7)."""
        author = self.env.user.partner_id
        email_from = author.email_formatted or self._jmsc_fallback_email_from()
        for ticket in self:
            ticket.message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                author_id=author.id,
                email_from=email_from,
            )

    def _jmsc_change_sensitivity(self, category, is_sensitive, reason):
        """Move cases to ``category`` and set their sensitive flag: case managers and supervisors only,
        with a reason recorded in the chatter."""
        if not self._jmsc_may_change_sensitivity():
            raise AccessError(
                self.env._("Only a case manager or a supervisor can change the case type or sensitivity of a case.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for changing the case type or sensitivity."))
        self.check_access("write")
        category = category or self.category_id
        for ticket in self:
            old_category, old_flag = ticket.category_id, ticket.jmsc_is_sensitive
            vals = {"category_id": category.id, "jmsc_is_sensitive": bool(is_sensitive)}
            # sudo-free: the group was checked above and the write still obeys the record rules.
            ticket.with_context(**{SENSITIVITY_KEY: True}).write(vals)
            yes, no = self.env._("yes"), self.env._("no")
            ticket._jmsc_post_note(
                Markup("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>")
                % (
                    self.env._("Case type or sensitivity changed by %s.", self.env.user.name),
                    self.env._(
                        "Case type: %(old)s → %(new)s",
                        old=old_category.display_name or "-",
                        new=category.display_name or "-",
                    ),
                    self.env._(
                        "Sensitive: %(old)s → %(new)s", old=yes if old_flag else no, new=yes if is_sensitive else no
                    ),
                    self.env._("Reason: %s", reason),
                )
            )
        return True

    def action_jmsc_open_sensitivity_wizard(self):
        self.ensure_one()
        if not self._jmsc_may_change_sensitivity():
            raise AccessError(
                self.env._("Only a case manager or a supervisor can change the case type or sensitivity of a case.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Case Type or Sensitivity"),
            "res_model": "jmsc.helpdesk.sensitivity.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_category_id": self.category_id.id,
                "default_is_sensitive": self.jmsc_is_sensitive,
            },
        }

    # Moderation of web complaints

    def _jmsc_check_moderation(self):
        if not self.env.user.has_group(AGENT_GROUP):
            raise AccessError(self.env._("Only call centre agents can moderate web complaints."))
        self.check_access("write")
        for ticket in self:
            if not ticket.stage_id.jmsc_moderation:
                raise UserError(self.env._("Case %s is not awaiting moderation.", ticket.number))

    def action_jmsc_accept_complaint(self):
        """Accept web complaints: they enter the first working stage, the SLA clock starts now and the
        accepting agent takes them (unless assigned already)."""
        self._jmsc_check_moderation()
        now = fields.Datetime.now()
        stage_new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        for ticket in self:
            vals = {"stage_id": stage_new.id, "jmsc_sla_start": now}
            if not ticket.user_id:
                vals["user_id"] = self.env.uid
            ticket.with_context(**{MODERATION_KEY: True}).write(vals)
            ticket._jmsc_refresh_sla_state(now)
            ticket._jmsc_post_note(
                self.env._("Web complaint accepted by %s: the SLA clock starts now.", self.env.user.name)
            )
        return True

    def action_jmsc_reject_complaint(self):
        """Reject web complaints as spam: closed without an SLA and without mailing the sender."""
        self._jmsc_check_moderation()
        stage_rejected = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        for ticket in self:
            vals = {"stage_id": stage_rejected.id, "jmsc_sla_start": False, "jmsc_sla_state": "on_track"}
            if ticket.jmsc_is_sensitive and not ticket.jmsc_decision:
                # The close gate of sensitive cases: the rejection is the case manager's decision.
                vals["jmsc_decision"] = self.env._("Rejected as spam during moderation.")
            ticket.with_context(**{MODERATION_KEY: True}, mail_notrack=True).write(vals)
            ticket._jmsc_post_note(self.env._("Web complaint rejected as spam by %s.", self.env.user.name))
        return True

    def _jmsc_check_can_close(self, vals):
        for ticket in self.filtered("jmsc_is_sensitive"):
            has_decision = vals.get("jmsc_decision") if "jmsc_decision" in vals else ticket.jmsc_decision
            referred = ticket.jmsc_referral_ids.filtered(lambda r: r.state != "cancelled")
            if not referred and not has_decision:
                raise UserError(
                    self.env._(
                        "Case %s is sensitive: refer it to an agency or record a manager's decision before closing it.",
                        ticket.number,
                    )
                )

    def _jmsc_sla_reference(self, now):
        """The moment the SLA clock shows: when it stopped (pause, closing) or now."""
        self.ensure_one()
        if self.closed and self.closed_date:
            return self.closed_date
        return self.jmsc_sla_paused_since or now

    def _jmsc_refresh_sla_state(self, now=None):
        now = now or fields.Datetime.now()
        for ticket in self.filtered("jmsc_resolution_deadline"):
            reference = ticket._jmsc_sla_reference(now)
            responded = ticket.jmsc_first_response_date
            response_late = (responded or reference) > ticket.jmsc_response_deadline
            resolution_late = reference > ticket.jmsc_resolution_deadline
            if response_late or resolution_late:
                state = "breached"
            elif not ticket.closed and ticket._jmsc_deadline_at_risk(reference, responded):
                state = "at_risk"
            else:
                state = "on_track"
            vals = {}
            if ticket.jmsc_sla_state != state:
                vals["jmsc_sla_state"] = state
            if state == "breached" and not ticket.jmsc_sla_breached:
                vals["jmsc_sla_breached"] = True
            if vals:
                ticket.write(vals)

    def _jmsc_deadline_at_risk(self, reference, responded):
        self.ensure_one()
        calendar = self._jmsc_calendar()
        response, resolution = self.category_id._jmsc_sla_hours(self.priority)
        checks = [(self.jmsc_resolution_deadline, resolution)]
        if not responded:
            checks.append((self.jmsc_response_deadline, response))
        return any(
            calendar.get_work_hours_count(reference, deadline) <= AT_RISK_SHARE * allowed
            for deadline, allowed in checks
        )

    @api.model
    def _cron_jmsc_sla_check(self):
        """Refresh the SLA state of open cases and escalate new breaches."""
        now = fields.Datetime.now()
        tickets = self.search(
            [("closed", "=", False), ("jmsc_resolution_deadline", "!=", False), ("jmsc_sla_paused_since", "=", False)]
        )
        tickets._jmsc_refresh_sla_state(now)
        tickets.filtered(lambda t: t.jmsc_sla_state == "breached")._jmsc_escalate(now)

    def _jmsc_escalate(self, now):
        supervisors = self.env.ref("jmsc_helpdesk.group_jmsc_helpdesk_supervisor").users
        for ticket in self:
            response_late = (ticket.jmsc_first_response_date or now) > ticket.jmsc_response_deadline
            if response_late and not ticket.jmsc_escalated_response:
                kind, flag = "response", "jmsc_escalated_response"
            elif now > ticket.jmsc_resolution_deadline and not ticket.jmsc_escalated_resolution:
                kind, flag = "resolution", "jmsc_escalated_resolution"
            else:
                continue
            notified = ticket.team_id.jmsc_supervisor_id or ticket.team_id.user_id or supervisors[:1]
            old_priority = ticket.priority
            deadline = ticket.jmsc_response_deadline if kind == "response" else ticket.jmsc_resolution_deadline
            new_priority = str(min(int(old_priority or 0) + 1, 3))
            ticket.write({"priority": new_priority, flag: True})
            kind_label = dict(self.env["jmsc.helpdesk.escalation"]._fields["kind"]._description_selection(self.env))[
                kind
            ]
            note = self.env._(
                "SLA breached (%(kind)s deadline %(deadline)s): priority raised from %(old)s to %(new)s, "
                "%(user)s notified.",
                kind=kind_label,
                deadline=deadline,
                old=old_priority,
                new=new_priority,
                user=notified.name or self.env._("nobody (no supervisor configured)"),
            )
            if notified:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=notified.id,
                    summary=self.env._("SLA breached on case %s", ticket.number),
                    note=note,
                )
            ticket.message_post(body=note, subtype_xmlid="mail.mt_note", partner_ids=notified.partner_id.ids)
            self.env["jmsc.helpdesk.escalation"].create(
                {
                    "ticket_id": ticket.id,
                    "date": now,
                    "kind": kind,
                    "old_priority": old_priority,
                    "new_priority": new_priority,
                    "notified_user_id": notified.id,
                    "note": note,
                }
            )

    # Public complaint form

    @api.model
    def _jmsc_create_public_complaint(self, values, uploads=None):
        """Create a case from the public form after checking every input; returns its tracking code.

        ``values``: name, contact, migrant_name, country_id, category_id, description;
        ``uploads``: optional list of (filename, bytes). The case waits in the moderation stage, its SLA
        clock stopped, until an agent accepts it.
        """
        labels = {
            "name": self.env._("Your name"),
            "contact": self.env._("Your phone or email"),
            "migrant_name": self.env._("Name of the migrant worker"),
            "description": self.env._("What happened?"),
        }
        cleaned = {}
        for key, limit in COMPLAINT_TEXT_LIMITS.items():
            text = (values.get(key) or "").strip()
            if not text:
                raise ValidationError(self.env._("The field “%s” is required.", labels[key]))
            if len(text) > limit:
                raise ValidationError(
                    self.env._(
                        "The field “%(field)s” is longer than %(limit)s characters.", field=labels[key], limit=limit
                    )
                )
            cleaned[key] = text
        category = self._jmsc_public_record("helpdesk.ticket.category", values.get("category_id"))
        if not category or not category.show_in_portal or not category.jmsc_code:
            raise ValidationError(self.env._("The field “Problem” must be one of the case types offered."))
        country = self._jmsc_public_record("res.country", values.get("country_id"))
        attachments_vals = self._jmsc_check_complaint_uploads(uploads or [])
        channel = self.env.ref("jmsc_helpdesk.channel_web_form", raise_if_not_found=False)
        moderation = self.env.ref("jmsc_helpdesk.stage_moderation")
        # sudo: the public user holds no right on cases; every input was checked above.
        ticket = (
            self.sudo()
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "name": self.env._("Web complaint about %s", cleaned["migrant_name"]),
                    "description": plaintext2html(cleaned["description"]),
                    "category_id": category.id,
                    "stage_id": moderation.id,
                    "user_id": False,
                    "jmsc_sla_start": False,
                    "channel_id": channel.id if channel else False,
                    "jmsc_caller_type": "migrant"
                    if cleaned["name"].casefold() == cleaned["migrant_name"].casefold()
                    else "family",
                    "jmsc_caller_name": cleaned["name"],
                    "jmsc_caller_phone": cleaned["contact"],
                    "partner_email": cleaned["contact"] if "@" in cleaned["contact"] else False,
                    "jmsc_subject_name": cleaned["migrant_name"],
                    "jmsc_country_id": country.id if country else False,
                }
            )
        )
        if attachments_vals:
            self.env["ir.attachment"].sudo().create(
                [dict(vals, res_model=self._name, res_id=ticket.id) for vals in attachments_vals]
            )
        return ticket.jmsc_tracking_code

    @api.model
    def _jmsc_public_record(self, model, raw_id):
        try:
            record_id = int(raw_id or 0)
        except (TypeError, ValueError):
            return self.env[model]
        return self.env[model].sudo().search([("id", "=", record_id)], limit=1) if record_id > 0 else self.env[model]

    @api.model
    def _jmsc_check_complaint_uploads(self, uploads):
        """Attachment values for the allowed uploads; ValidationError past the quota (count, size, types)."""
        uploads = [(name, content) for name, content in uploads if name or content]
        if len(uploads) > COMPLAINT_MAX_FILES:
            raise ValidationError(self.env._("Attach at most %s files to a report.", COMPLAINT_MAX_FILES))
        if sum(len(content) for _name, content in uploads) > COMPLAINT_MAX_TOTAL_BYTES:
            raise ValidationError(
                self.env._(
                    "The attachments together are larger than %s MB.", COMPLAINT_MAX_TOTAL_BYTES // (1024 * 1024)
                )
            )
        return [self._jmsc_check_complaint_upload(upload) for upload in uploads]

    @api.model
    def _jmsc_check_complaint_upload(self, upload):
        filename, content = upload
        filename = (filename or "").replace("\\", "/").rsplit("/", 1)[-1][:128]
        if len(content) > COMPLAINT_MAX_BYTES:
            raise ValidationError(
                self.env._(
                    "The attachment %(name)s is larger than %(limit)s MB.",
                    name=filename,
                    limit=COMPLAINT_MAX_BYTES // (1024 * 1024),
                )
            )
        mimetype = guess_mimetype(content)
        extension = filename.rsplit(".", 1)[-1].lower()
        allowed = COMPLAINT_MIMETYPES.get(mimetype)
        if not allowed or extension not in {allowed, "jpeg" if allowed == "jpg" else allowed}:
            raise ValidationError(self.env._("The attachment %s must be a PDF, JPG or PNG file.", filename))
        return {"name": filename, "datas": base64.b64encode(content), "mimetype": mimetype}

    @api.model
    def _jmsc_public_status(self, code):
        """What the complainant may know of the case with this tracking code (any case, spacing or
        dashes), or None: a public status in plain words, the last public update and its date."""
        code = jmsc_normalise_tracking_code(code)
        if not code:
            return None
        # sudo: the public user reads no case; only the fields below leave this method.
        ticket = self.sudo().search([("jmsc_tracking_code", "=", code)], limit=1)
        if not ticket:
            return None
        return {
            "code": code,
            "stage": ticket._jmsc_public_stage_label(),
            "update": ticket.jmsc_public_update or "",
            "date": ticket.last_stage_update or ticket.create_date,
        }

    def _jmsc_public_stage_label(self):
        self.ensure_one()
        stage = self.stage_id
        if stage.jmsc_moderation:
            return self.env._("Received, waiting to be checked by an officer")
        if stage == self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected", raise_if_not_found=False):
            return self.env._("Not processed (the report could not be handled)")
        if stage.closed:
            return self.env._("Finished")
        if stage.jmsc_pause_sla:
            return self.env._("Waiting for information from you: the call centre will contact you")
        if stage == self.env.ref("jmsc_helpdesk.stage_referred", raise_if_not_found=False):
            return self.env._("Referred to the agency in charge")
        if stage.unattended:
            return self.env._("Accepted, waiting for an officer")
        return self.env._("Being handled by an officer")

# pylint: disable=consider-merging-classes-inherited
from datetime import datetime

import babel.dates
import pytz

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action
from odoo.exceptions import UserError
from odoo.tools.misc import babel_locale_parse

from .helpdesk_ticket_public import jmsc_new_tracking_code

CALLER_TYPES = [
    ("migrant", "Migrant"),
    ("family", "Family Member"),
    ("agency", "Agency"),
    ("anonymous", "Anonymous"),
]
CASE_MANAGER_GROUP = "jmsc_helpdesk.group_jmsc_helpdesk_case_manager"
AGENT_GROUP = "jmsc_helpdesk.group_jmsc_helpdesk_agent"


class HelpdeskTicket(models.Model):
    """The case: caller, migrant, create/write (which drive the SLA and the guards), calls and referrals,
    mail author. The other concerns live in helpdesk_ticket_<concern>.py."""

    _inherit = "helpdesk.ticket"

    jmsc_caller_type = fields.Selection(CALLER_TYPES, string="Caller Type", default="migrant", tracking=True)
    jmsc_caller_name = fields.Char(string="Caller Name")
    jmsc_caller_phone = fields.Char(string="Caller Contact", index="btree_not_null")
    # indexed here (helpdesk_mgmt does not): a person's cases are found by contact (portal "my cases", the
    # privacy inventory) and by the caller's number
    partner_id = fields.Many2one(index="btree_not_null")
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
    jmsc_call_ids = fields.One2many("jmsc.helpdesk.call", "ticket_id", string="Calls")
    jmsc_call_count = fields.Integer(compute="_compute_jmsc_counts", string="Call Count")
    jmsc_referral_ids = fields.One2many("jmsc.helpdesk.referral", "ticket_id", string="Referrals")
    jmsc_referral_count = fields.Integer(compute="_compute_jmsc_counts", string="Referral Count")
    jmsc_escalation_ids = fields.One2many("jmsc.helpdesk.escalation", "ticket_id", string="Escalations")

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

    @api.depends_context("uid")
    def _compute_jmsc_counts(self):
        compute_related_count(self, "jmsc_call_count", "jmsc.helpdesk.call", "ticket_id")
        compute_related_count(self, "jmsc_referral_count", "jmsc.helpdesk.referral", "ticket_id")

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
        return related_action(self, "jmsc_helpdesk.jmsc_helpdesk_call_action", "ticket_id")

    def action_jmsc_view_referrals(self):
        return related_action(self, "jmsc_helpdesk.jmsc_helpdesk_referral_action", "ticket_id")

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

# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models

SLA_STATES = [("on_track", "On Track"), ("at_risk", "At Risk"), ("breached", "Breached")]
# Share of the allowed working time left under which a deadline is "at risk".
AT_RISK_SHARE = 0.25


class HelpdeskTicket(models.Model):
    """The SLA engine: deadlines on the team's working calendar, pauses, at-risk share, escalation."""

    _inherit = "helpdesk.ticket"

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

    def _jmsc_calendar(self):
        self.ensure_one()
        return self.team_id.jmsc_calendar_id or self.env.ref(
            "jmsc_helpdesk.resource_calendar_call_centre", raise_if_not_found=False
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

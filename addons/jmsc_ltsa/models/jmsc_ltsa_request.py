import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from .jmsc_ltsa_guard import check_guarded_fields, guarded
from .jmsc_ltsa_ticket import PRIORITIES

PROTECTED_FIELDS = {"name", "state", "confirmed_date", "done_date", "deadline", "sla_state", "sla_notified"}

SLA_STATES = [("on_track", "On Track"), ("at_risk", "At Risk"), ("breached", "Breached")]
AT_RISK_SHARE = 0.25


def sla_state(calendar, deadline, budget_hours, end=None, now=None):
    """on_track / at_risk / breached for a deadline in working time.

    At risk: still open with less than a quarter of the working-time budget left.
    """
    if not deadline:
        return "on_track"
    now = now or fields.Datetime.now()
    if (end or now) > deadline:
        return "breached"
    if not end and calendar.get_work_hours_count(now, deadline, compute_leaves=True) < AT_RISK_SHARE * budget_hours:
        return "at_risk"
    return "on_track"


class JmscLtsaRequest(models.Model):
    _name = "jmsc.ltsa.request"
    _description = "LTSA Service Request (a migrant's journey)"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "id desc"

    name = fields.Char(string="Reference", default="/", copy=False, readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Migrant", required=True, index=True, domain=[("is_migrant", "=", True)], tracking=True
    )
    site_id = fields.Many2one("jmsc.ltsa.site", required=True, index=True, tracking=True)
    priority = fields.Selection(PRIORITIES, default="none", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("in_progress", "In Progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
    )
    step_ids = fields.One2many("jmsc.ltsa.step", "request_id", string="Journey", copy=True)
    ticket_ids = fields.One2many("jmsc.ltsa.ticket", "request_id", string="Tickets")
    current_step_id = fields.Many2one("jmsc.ltsa.step", compute="_compute_current_step_id")
    confirmed_date = fields.Datetime(readonly=True, copy=False)
    done_date = fields.Datetime(readonly=True, copy=False)
    deadline = fields.Datetime(readonly=True, copy=False, help="Completion deadline in working days of the site.")
    sla_state = fields.Selection(SLA_STATES, default="on_track", readonly=True, copy=False, index=True)
    sla_notified = fields.Boolean(readonly=True, copy=False)
    wait_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    service_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    issued_document_ids = fields.Many2many(
        "res.partner.id_number", compute="_compute_issued_document_ids", string="Issued Documents"
    )

    @api.depends("step_ids.state", "step_ids.sequence")
    def _compute_current_step_id(self):
        for request in self:
            open_steps = request.step_ids.filtered(lambda s: s.state in ("waiting", "called", "serving"))
            request.current_step_id = open_steps[:1]

    @api.depends("step_ids.wait_minutes", "step_ids.service_minutes")
    def _compute_minutes(self):
        for request in self:
            request.wait_minutes = sum(request.step_ids.mapped("wait_minutes"))
            request.service_minutes = sum(request.step_ids.mapped("service_minutes"))

    @api.depends("step_ids.issued_document_id")
    def _compute_issued_document_ids(self):
        for request in self:
            request.issued_document_ids = request.step_ids.issued_document_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_guarded_fields(
                self,
                {k: v for k, v in vals.items() if (k, v) not in (("name", "/"), ("state", "draft"))},
                PROTECTED_FIELDS,
            )
            self._check_partner_readable(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("jmsc.ltsa.request") or "/"
        return super().create(vals_list)

    def write(self, vals):
        check_guarded_fields(self, vals, PROTECTED_FIELDS)
        self._check_partner_readable(vals)
        return super().write(vals)

    def _check_partner_readable(self, vals):
        """A request must not open a migrant the user may not read yet (issue #11): find them by NIK first."""
        if vals.get("partner_id") and not self.env.su:
            self.env["res.partner"].browse(vals["partner_id"]).check_access("read")

    def _guarded_write(self, vals):
        return guarded(self).write(vals)

    def _local_datetime(self, value):
        """A UTC datetime in the site's time zone, as an officer reads it: '02/12/2026 08:19 WIB'."""
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(self[:1].site_id._local_tz())
        return f"{local:%d/%m/%Y %H:%M} {local.tzname()}"

    def _post_system_message(self, body, partner_ids=None):
        """Log a note as OdooBot: works for officers without an email address (contract 7)."""
        for request in self:
            request.sudo().message_post(
                body=body,
                author_id=self.env.ref("base.partner_root").id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=partner_ids or [],
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/ltsa/{request.id}"
        return res

    def action_confirm(self):
        self.check_access("write")
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Request %(name)s is already confirmed.", name=request.name))
            request._confirm()
            request.step_ids.sorted("sequence")[:1]._queue()
        return True

    def _confirm(self):
        """Puts the request in progress now, with its completion deadline on the site's working calendar; returns
        the moment it was confirmed."""
        self.ensure_one()
        if not self.step_ids:
            raise UserError(self.env._("Request %(name)s has no services to provide.", name=self.name))
        now = fields.Datetime.now()
        days = max(self.step_ids.service_id.mapped("completion_days"))
        self._guarded_write(
            {
                "state": "in_progress",
                "confirmed_date": now,
                "deadline": self.site_id.calendar_id.plan_days(days or 1, now, compute_leaves=True),
            }
        )
        return now

    def action_cancel(self):
        self.check_access("write")
        for request in self:
            if request.state == "done":
                raise UserError(self.env._("Request %(name)s is done and cannot be cancelled.", name=request.name))
        self.ticket_ids.filtered(lambda t: t.state == "waiting")._guarded_write({"state": "no_show"})
        self._guarded_write({"state": "cancelled"})
        return True

    def _advance(self):
        """Queue the next step of the journey, or close the request when all steps ended."""
        for request in self:
            steps = request.step_ids.sorted("sequence")
            if steps.filtered(lambda s: s.state in ("called", "serving") or (s.state == "waiting" and s.queued_date)):
                continue
            pending = steps.filtered(lambda s: s.state == "waiting")
            if pending:
                pending[:1]._queue()
            elif not steps.filtered(lambda s: s.state == "needs_documents"):
                request._guarded_write({"state": "done", "done_date": fields.Datetime.now()})
                request._update_sla()

    def _update_sla(self):
        for request in self:
            days = max(request.step_ids.service_id.mapped("completion_days") or [1])
            budget = request.site_id.calendar_id.hours_per_day * (days or 1)
            state = sla_state(request.site_id.calendar_id, request.deadline, budget, end=request.done_date)
            if request.sla_state != state:
                request._guarded_write({"sla_state": state})

    def _notify_breach(self):
        for request in self:
            body = self.env._(
                "Request %(name)s missed its completion deadline of %(deadline)s.",
                name=request.name,
                deadline=request._local_datetime(request.deadline),
            )
            request._report_breach(body)
            request._guarded_write({"sla_notified": True})

    def _report_breach(self, body):
        """Tells the site's supervisor that this request (or one of its steps) missed its deadline: a note on the
        request and a to-do for them."""
        self.ensure_one()
        supervisor = self.site_id.supervisor_id
        self._post_system_message(body, partner_ids=supervisor.partner_id.ids)
        if supervisor:
            activity_type = self.env.ref("jmsc_ltsa.mail_activity_type_sla_breach")
            self.activity_schedule(activity_type_id=activity_type.id, user_id=supervisor.id, note=body)

    def _start_from_ticket(self, ticket):
        """Confirm a request started at the desk: its first step is served on the visitor's current ticket."""
        self.ensure_one()
        self.check_access("write")
        now = self._confirm()
        step = self.step_ids.sorted("sequence")[:1]
        step._guarded_write(
            {
                "state": "called" if ticket.state == "called" else "serving",
                "queued_date": ticket.issued_date,
                "called_date": ticket.called_date or now,
                "started_date": ticket.started_date,
                "desk_id": ticket.desk_id.id,
                "deadline": self.site_id.calendar_id.plan_hours(
                    step.service_id.sla_minutes / 60.0, now, compute_leaves=True
                ),
            }
        )
        ticket._guarded_write({"request_id": self.id, "step_id": step.id})
        self._post_system_message(
            self.env._(
                "Request started at %(desk)s from ticket %(ticket)s.", desk=ticket.desk_id.name, ticket=ticket.name
            )
        )
        return step

    def action_print_visit_summary(self):
        return self.env.ref("jmsc_ltsa.action_report_visit_summary").report_action(self)

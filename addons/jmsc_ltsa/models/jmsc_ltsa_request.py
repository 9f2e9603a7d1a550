from odoo import api, fields, models
from odoo.exceptions import UserError

from .jmsc_ltsa_ticket import PRIORITIES

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
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("jmsc.ltsa.request") or "/"
        return super().create(vals_list)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/ltsa/{request.id}"
        return res

    def action_confirm(self):
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Request %(name)s is already confirmed.", name=request.name))
            if not request.step_ids:
                raise UserError(self.env._("Request %(name)s has no services to provide.", name=request.name))
            now = fields.Datetime.now()
            days = max(request.step_ids.service_id.mapped("completion_days"))
            request.write(
                {
                    "state": "in_progress",
                    "confirmed_date": now,
                    "deadline": request.site_id.calendar_id.plan_days(days or 1, now, compute_leaves=True),
                }
            )
            request.step_ids.sorted("sequence")[:1]._queue()
        return True

    def action_cancel(self):
        for request in self:
            if request.state == "done":
                raise UserError(self.env._("Request %(name)s is done and cannot be cancelled.", name=request.name))
        self.ticket_ids.filtered(lambda t: t.state == "waiting").write({"state": "no_show"})
        self.write({"state": "cancelled"})
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
                request.write({"state": "done", "done_date": fields.Datetime.now()})
                request._update_sla()

    def _update_sla(self):
        for request in self:
            days = max(request.step_ids.service_id.mapped("completion_days") or [1])
            budget = request.site_id.calendar_id.hours_per_day * (days or 1)
            state = sla_state(request.site_id.calendar_id, request.deadline, budget, end=request.done_date)
            if request.sla_state != state:
                request.sla_state = state

    def _notify_breach(self):
        activity_type = self.env.ref("jmsc_ltsa.mail_activity_type_sla_breach")
        for request in self:
            supervisor = request.site_id.supervisor_id
            body = self.env._(
                "Request %(name)s missed its completion deadline of %(deadline)s.",
                name=request.name,
                deadline=request.deadline,
            )
            request.message_post(body=body, partner_ids=supervisor.partner_id.ids)
            if supervisor:
                request.activity_schedule(activity_type_id=activity_type.id, user_id=supervisor.id, note=body)
            request.sla_notified = True

    def action_print_visit_summary(self):
        return self.env.ref("jmsc_ltsa.action_report_visit_summary").report_action(self)

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .jmsc_ltsa_guard import check_guarded_fields, guarded
from .jmsc_ltsa_request import SLA_STATES, sla_state

STEP_STATES = [
    ("waiting", "Waiting"),
    ("called", "Called"),
    ("serving", "Serving"),
    ("done", "Done"),
    ("needs_documents", "Needs Documents"),
    ("rejected", "Rejected"),
]


PROTECTED_FIELDS = {
    "state",
    "desk_id",
    "queued_date",
    "called_date",
    "started_date",
    "finished_date",
    "deadline",
    "sla_state",
    "sla_notified",
    "issued_document_id",
    "missing_doc_note_ids",
}


class JmscLtsaStep(models.Model):
    _name = "jmsc.ltsa.step"
    _description = "LTSA Journey Step"
    _inherit = ["jmsc.state.guard.mixin"]
    _order = "request_id, sequence, id"

    request_id = fields.Many2one("jmsc.ltsa.request", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    service_id = fields.Many2one("jmsc.ltsa.service", required=True, ondelete="restrict")
    name = fields.Char(related="service_id.name")
    partner_id = fields.Many2one(related="request_id.partner_id", store=True, index=True, string="Migrant")
    site_id = fields.Many2one(related="request_id.site_id", store=True, index=True)
    category_id = fields.Many2one(related="service_id.category_id", store=True)
    desk_id = fields.Many2one("jmsc.ltsa.desk", index=True, readonly=True)
    state = fields.Selection(STEP_STATES, default="waiting", required=True, index=True, copy=False)
    queued_date = fields.Datetime(readonly=True, copy=False)
    called_date = fields.Datetime(readonly=True, copy=False)
    started_date = fields.Datetime(readonly=True, copy=False)
    finished_date = fields.Datetime(readonly=True, copy=False)
    wait_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    service_minutes = fields.Float(compute="_compute_minutes", store=True, aggregator="avg")
    deadline = fields.Datetime(readonly=True, copy=False, help="Queued time plus the service SLA in working time.")
    sla_state = fields.Selection(SLA_STATES, default="on_track", readonly=True, copy=False, index=True)
    sla_met = fields.Float(
        string="SLA Compliance (%)", compute="_compute_sla_met", store=True, aggregator="avg", copy=False
    )
    sla_notified = fields.Boolean(readonly=True, copy=False)
    missing_doc_ids = fields.Many2many(
        "res.partner.id_category", compute="_compute_missing_doc_ids", string="Missing Documents"
    )
    output_number = fields.Char(string="Issued Document Number", copy=False)
    output_valid_until = fields.Date(string="Issued Document Valid Until", copy=False)
    issued_document_id = fields.Many2one("res.partner.id_number", readonly=True, copy=False)
    note = fields.Text()
    missing_doc_note_ids = fields.Many2many(
        "res.partner.id_category",
        "jmsc_ltsa_step_missing_doc_rel",
        "step_id",
        "category_id",
        string="Documents Asked For",
        readonly=True,
        copy=False,
        help="The documents the officer asked the visitor to bring (Needs Documents).",
    )

    @api.depends("queued_date", "called_date", "started_date", "finished_date")
    def _compute_minutes(self):
        for step in self:
            start = step.started_date or step.called_date
            step.wait_minutes = (start - step.queued_date).total_seconds() / 60 if start and step.queued_date else 0.0
            step.service_minutes = (
                (step.finished_date - step.started_date).total_seconds() / 60
                if step.finished_date and step.started_date
                else 0.0
            )

    @api.depends("sla_state", "state")
    def _compute_sla_met(self):
        for step in self:
            step.sla_met = 0.0 if step.sla_state == "breached" else 100.0

    @api.depends(
        "service_id.required_doc_type_ids", "partner_id.id_numbers.valid_until", "partner_id.id_numbers.status"
    )
    def _compute_missing_doc_ids(self):
        valid_map = self.partner_id._jmsc_valid_document_map()
        no_category = self.env["res.partner.id_category"]
        for step in self:
            step.missing_doc_ids = step.service_id.required_doc_type_ids - valid_map.get(
                step.partner_id.id, no_category
            )

    @api.constrains("output_valid_until", "finished_date")
    def _check_output_valid_until(self):
        for step in self:
            if (
                step.output_valid_until
                and step.finished_date
                and step.output_valid_until < step.site_id._local_day(step.finished_date)
            ):
                raise ValidationError(
                    self.env._(
                        "Step %(step)s of %(request)s: the issued document cannot expire before it is issued.",
                        step=step.name,
                        request=step.request_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_guarded_fields(
                self, {k: v for k, v in vals.items() if k != "state" or v != "waiting"}, PROTECTED_FIELDS
            )
        return super().create(vals_list)

    def write(self, vals):
        check_guarded_fields(self, vals, PROTECTED_FIELDS)
        return super().write(vals)

    def _guarded_write(self, vals):
        return guarded(self).write(vals)

    def _queue(self):
        """Put the step in the queue now: SLA deadline and a queue ticket."""
        now = fields.Datetime.now()
        tickets = self.env["jmsc.ltsa.ticket"]
        for step in self:
            calendar = step.site_id.calendar_id
            step._guarded_write(
                {
                    "state": "waiting",
                    "queued_date": now,
                    "deadline": calendar.plan_hours(step.service_id.sla_minutes / 60.0, now, compute_leaves=True),
                    "sla_state": "on_track",
                }
            )
            tickets |= tickets.create(
                {
                    "site_id": step.site_id.id,
                    "category_id": step.category_id.id,
                    "priority": step.request_id.priority,
                    "partner_id": step.partner_id.id,
                    "request_id": step.request_id.id,
                    "step_id": step.id,
                }
            )
        return tickets

    def _jmsc_state_refusal(self, state, action):
        return self.env._(
            "Step %(step)s of %(request)s is %(state)s: it cannot be %(action)s.",
            step=self.name,
            request=self.request_id.name,
            state=state,
            action=action,
        )

    def action_start(self):
        self._check_state(("waiting", "called"), self.env._("started"))
        for step in self:
            if step.missing_doc_ids:
                raise UserError(
                    self.env._(
                        "%(migrant)s cannot start %(step)s: missing or expired documents: %(docs)s.",
                        migrant=step.partner_id.display_name,
                        step=step.name,
                        docs=", ".join(step.missing_doc_ids.mapped("name")),
                    )
                )
            step._guarded_write({"state": "serving", "started_date": fields.Datetime.now()})
        return True

    def action_finish(self):
        self._check_state(("serving",), self.env._("finished"))
        for step in self.filtered(lambda s: s.service_id.output_doc_type_id and not s.output_number):
            raise ValidationError(
                self.env._(
                    "Step %(step)s of %(request)s issues a %(doc)s: enter the document number first.",
                    step=step.name,
                    request=step.request_id.name,
                    doc=step.service_id.output_doc_type_id.name,
                )
            )
        for step in self:
            step._guarded_write({"state": "done", "finished_date": fields.Datetime.now()})
            step._open_tickets().filtered(lambda t: t.state != "serving")._guarded_write({"state": "done"})
            step._issue_document()
            step._update_sla()
        self.request_id._advance()
        return True

    def action_needs_documents(self):
        self._needs_documents(self.missing_doc_ids, False)
        return True

    def _needs_documents(self, missing_docs, note):
        self.check_access("write")
        self._check_state(("waiting", "called", "serving"), self.env._("sent back for documents"))
        vals = {
            "state": "needs_documents",
            "finished_date": fields.Datetime.now(),
            "missing_doc_note_ids": [(6, 0, missing_docs.ids)],
        }
        if note:
            vals["note"] = note
        self._guarded_write(vals)
        self._open_tickets()._guarded_write({"state": "done", "finished_date": fields.Datetime.now()})
        for step in self:
            step.request_id._post_system_message(
                self.env._(
                    "%(step)s: the visitor must bring %(docs)s.%(note)s",
                    step=step.name,
                    docs=", ".join(missing_docs.mapped("name")) or self.env._("documents"),
                    note=f" {note}" if note else "",
                )
            )
        self.request_id._advance()

    def action_reject(self):
        self.check_access("write")
        self._check_state(("waiting", "called", "serving", "needs_documents"), self.env._("rejected"))
        self._guarded_write({"state": "rejected", "finished_date": fields.Datetime.now()})
        self._open_tickets()._guarded_write({"state": "done", "finished_date": fields.Datetime.now()})
        self.request_id._advance()
        return True

    def action_requeue(self):
        """The missing documents were brought: back in the queue with a new ticket."""
        self.check_access("write")
        self._check_state(("needs_documents",), self.env._("queued again"))
        self._guarded_write(
            {"finished_date": False, "started_date": False, "called_date": False, "sla_notified": False}
        )
        return self._queue()

    def _open_tickets(self):
        return self.env["jmsc.ltsa.ticket"].search(
            [("step_id", "in", self.ids), ("state", "in", ("waiting", "called", "serving"))]
        )

    def _issue_document(self):
        """Create or update the issued document on the migrant's profile."""
        self.ensure_one()
        doc_type = self.service_id.output_doc_type_id
        if not doc_type:
            return
        self.check_access("write")
        today = self.site_id._local_today()
        valid_until = self.output_valid_until or (
            today + timedelta(days=self.service_id.output_validity_days)
            if self.service_id.output_validity_days
            else False
        )
        documents = self.env["res.partner.id_number"].sudo()
        document = documents.search(
            [("partner_id", "=", self.partner_id.id), ("category_id", "=", doc_type.id)], limit=1
        )
        vals = {
            "name": self.output_number,
            "date_issued": today,
            "valid_from": today,
            "valid_until": valid_until,
            "partner_issued_id": self.desk_id.agency_id.id or False,
        }
        if document:
            document.write(vals)
        else:
            document = documents.create({**vals, "partner_id": self.partner_id.id, "category_id": doc_type.id})
        self._guarded_write({"issued_document_id": document.id})
        self.request_id._post_system_message(
            self.env._("%(doc)s %(number)s issued.", doc=doc_type.name, number=self.output_number)
        )

    def _update_sla(self):
        for step in self:
            budget = step.service_id.sla_minutes / 60.0
            end = step.finished_date if step.state in ("done", "rejected") else None
            state = sla_state(step.site_id.calendar_id, step.deadline, budget, end=end)
            if step.sla_state != state:
                step._guarded_write({"sla_state": state})

    def _notify_breach(self):
        for step in self:
            body = self.env._(
                "Step %(step)s of %(request)s (desk %(desk)s) missed its SLA deadline of %(deadline)s.",
                step=step.name,
                request=step.request_id.name,
                desk=step.desk_id.name or "-",
                deadline=step.request_id._local_datetime(step.deadline),
            )
            step.request_id._report_breach(body)
            step._guarded_write({"sla_notified": True})

from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import related_action
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import log_system_note
from .jmsc_training_room import CENTRE_DOMAIN

SEAT_STATES = ("enrolled", "completed", "failed")
# The plan of a batch: changed by centre staff (and managers), not by the trainers who teach it.
PLANNING_FIELDS = frozenset(
    {"programme_id", "centre_id", "room_id", "trainer_ids", "date_start", "date_end", "capacity"}
    | {f"pattern_{day}" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "hour_start", "hour_end")}
)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class JmscTrainingBatch(models.Model):
    """A class: one run of a programme at a centre, with its sessions and trainees."""

    _name = "jmsc.training.batch"
    _description = "Training Batch"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.state.guard.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, copy=False, default="/", index=True, tracking=True)
    programme_id = fields.Many2one(
        "jmsc.training.programme", required=True, index=True, tracking=True, ondelete="restrict"
    )
    category = fields.Selection(related="programme_id.category", store=True)
    centre_id = fields.Many2one("res.partner", required=True, domain=CENTRE_DOMAIN, index=True, tracking=True)
    room_id = fields.Many2one("jmsc.training.room", domain="[('centre_id', '=', centre_id)]", index=True, tracking=True)
    trainer_ids = fields.Many2many(
        "jmsc.training.trainer", "jmsc_training_batch_trainer_rel", "batch_id", "trainer_id", string="Trainers"
    )
    date_start = fields.Date(string="Start Date", required=True, index=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, index=True, tracking=True)
    capacity = fields.Integer(required=True, default=20, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open for Enrolment"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    session_ids = fields.One2many("jmsc.training.session", "batch_id", string="Sessions", copy=False)
    enrolment_ids = fields.One2many(
        "jmsc.training.enrolment",
        "batch_id",
        string="Enrolments",
        domain=[("state", "!=", "waitlisted")],
        copy=False,
    )
    waitlist_ids = fields.One2many(
        "jmsc.training.enrolment", "batch_id", domain=[("state", "=", "waitlisted")], copy=False
    )
    attendance_ids = fields.One2many("jmsc.training.attendance", "batch_id", copy=False)
    seats_taken = fields.Integer(compute="_compute_counts", string="Enrolled")
    seats_available = fields.Integer(compute="_compute_counts")
    waitlist_count = fields.Integer(compute="_compute_counts")
    completed_count = fields.Integer(compute="_compute_counts")
    session_count = fields.Integer(compute="_compute_counts")
    pattern_mon = fields.Boolean(string="Monday", default=True)
    pattern_tue = fields.Boolean(string="Tuesday", default=True)
    pattern_wed = fields.Boolean(string="Wednesday", default=True)
    pattern_thu = fields.Boolean(string="Thursday", default=True)
    pattern_fri = fields.Boolean(string="Friday", default=True)
    pattern_sat = fields.Boolean(string="Saturday")
    pattern_sun = fields.Boolean(string="Sunday")
    pattern_hour_start = fields.Float(string="Daily Start", default=8.0)
    pattern_hour_end = fields.Float(string="Daily End", default=12.0)
    color = fields.Integer()
    jmsc_can_plan = fields.Boolean(compute="_compute_jmsc_can_plan", string="Can Plan the Batch")

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity > 0)", "The capacity of a batch must be positive."),
    ]

    @api.depends_context("uid")
    def _compute_jmsc_can_plan(self):
        can_plan = self._user_can_plan()
        for batch in self:
            batch.jmsc_can_plan = can_plan

    def _user_can_plan(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("jmsc_training.group_training_centre_staff")
            or user.has_group("jmsc_base.group_jmsc_manager")
        )

    @api.depends("enrolment_ids.state", "session_ids", "capacity")
    def _compute_counts(self):
        # Seat counts are figures, not personal data: count every trainee of the batch.
        Enrolment = self.env["jmsc.training.enrolment"]
        by_state = {}
        sessions = {}
        if self.ids:
            for batch, state, count in Enrolment.sudo()._read_group(
                [("batch_id", "in", self.ids)], ["batch_id", "state"], ["__count"]
            ):
                by_state.setdefault(batch.id, {})[state] = count
            sessions = {
                batch.id: count
                for batch, count in self.env["jmsc.training.session"]._read_group(
                    [("batch_id", "in", self.ids)], ["batch_id"], ["__count"]
                )
            }
        for batch in self:
            counts = by_state.get(batch.id, {})
            batch.seats_taken = sum(counts.get(state, 0) for state in SEAT_STATES)
            batch.seats_available = max(batch.capacity - batch.seats_taken, 0)
            batch.waitlist_count = counts.get("waitlisted", 0)
            batch.completed_count = counts.get("completed", 0)
            batch.session_count = sessions.get(batch.id, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for batch in self:
            if batch.date_start and batch.date_end and batch.date_end < batch.date_start:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: the end date %(end)s is before the start date %(start)s.",
                        batch=batch.name,
                        end=batch.date_end,
                        start=batch.date_start,
                    )
                )
        self.session_ids._check_date_in_batch()

    @api.constrains("capacity")
    def _check_capacity(self):
        taken = self._seats_taken_by_batch()
        for batch in self:
            if batch.capacity < taken.get(batch.id, 0):
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: the capacity %(capacity)s is below the %(count)s trainees already enrolled.",
                        batch=batch.name,
                        capacity=batch.capacity,
                        count=taken[batch.id],
                    )
                )
            if batch.room_id and batch.capacity > batch.room_id.capacity:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: the capacity %(capacity)s exceeds the %(room_capacity)s seats of room "
                        "%(room)s.",
                        batch=batch.name,
                        capacity=batch.capacity,
                        room_capacity=batch.room_id.capacity,
                        room=batch.room_id.display_name,
                    )
                )

    @api.constrains("room_id", "centre_id")
    def _check_room_centre(self):
        for batch in self:
            if batch.room_id and batch.room_id.centre_id != batch.centre_id:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: room %(room)s does not belong to centre %(centre)s.",
                        batch=batch.name,
                        room=batch.room_id.display_name,
                        centre=batch.centre_id.display_name,
                    )
                )

    @api.constrains("trainer_ids", "programme_id")
    def _check_trainer_programmes(self):
        for batch in self:
            for trainer in batch.trainer_ids:
                if trainer.programme_ids and batch.programme_id not in trainer.programme_ids:
                    raise ValidationError(
                        self.env._(
                            "Batch %(batch)s: trainer %(trainer)s may not teach %(programme)s.",
                            batch=batch.name,
                            trainer=trainer.name,
                            programme=batch.programme_id.display_name,
                        )
                    )

    @api.constrains("trainer_ids", "room_id", "state")
    def _check_session_conflicts(self):
        self.session_ids._check_conflicts()

    @api.onchange("room_id")
    def _onchange_room_id(self):
        if self.room_id:
            self.capacity = self.room_id.capacity

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" and not self.env.su:
                raise UserError(self.env._("A new batch starts as a draft: open it with its button."))
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("jmsc.training.batch") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "Batch %s: its status changes only through the Open, Start, Close and Assess, Cancel and "
                    "Reset to Draft buttons.",
                    ", ".join(self.mapped("name")),
                )
            )
        if PLANNING_FIELDS.intersection(vals) and not self._user_can_plan():
            self.check_access("write")
            raise UserError(
                self.env._(
                    "Batch %s: only the staff of the training centre change its programme, dates, room, trainers "
                    "and capacity.",
                    ", ".join(self.mapped("name")),
                )
            )
        res = super().write(vals)
        if "capacity" in vals:
            self._promote_waitlist()
        if "room_id" in vals:
            self.session_ids.filtered(lambda s: not s.attendance_ids).write({"room_id": vals["room_id"]})
        return res

    def _seats_taken_by_batch(self):
        if not self.ids:
            return {}
        return {
            batch.id: count
            for batch, count in self.env["jmsc.training.enrolment"]
            .sudo()
            ._read_group([("batch_id", "in", self.ids), ("state", "in", SEAT_STATES)], ["batch_id"], ["__count"])
        }

    def _lock_for_enrolment(self):
        """Serialise seat counting on these batches.

        The no-op UPDATE locks the rows and gives them a new version: a concurrent transaction that
        counted seats on an older snapshot then fails to serialise and is retried, so it cannot
        overbook (a bare SELECT FOR UPDATE would let it go on with its stale count).
        """
        if self.ids:
            self.env.cr.execute(
                SQL("UPDATE jmsc_training_batch SET write_date = write_date WHERE id IN %s", tuple(sorted(self.ids)))
            )

    def _promote_waitlist(self):
        """Move the first waitlisted trainees into the seats that are free."""
        batches = self.filtered(lambda b: b.state in ("open", "running"))
        if not batches:
            return
        batches._lock_for_enrolment()
        taken = batches._seats_taken_by_batch()
        # Seats are counted and given over every trainee of the batch, whoever asked for the change.
        waitlisted = (
            self.env["jmsc.training.enrolment"]
            .sudo()
            .search([("batch_id", "in", batches.ids), ("state", "=", "waitlisted")], order="date_applied, id")
        )
        promoted = waitlisted.browse()
        for batch in batches:
            free = batch.capacity - taken.get(batch.id, 0)
            if free > 0:
                promoted |= waitlisted.filtered(lambda e, b=batch: e.batch_id.id == b.id)[:free]
        if promoted:
            promoted._write_guarded({"state": "enrolled"})
            log_system_note(promoted, self.env._("A seat became free: promoted from the waitlist."))

    def _jmsc_state_refusal(self, state, action):
        return self.env._(
            "Batch %(batch)s is %(state)s: you cannot %(action)s it.", batch=self.name, state=state, action=action
        )

    def _set_state(self, state, action):
        """The only path that changes a batch's status: centre staff (or managers) of batches they may edit."""
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group("jmsc_training.group_training_centre_staff")):
            raise UserError(self.env._("Only the staff of the training centre may %(action)s a batch.", action=action))
        return super().write({"state": state})

    def action_open(self):
        self._check_state(("draft",), self.env._("open"))
        self._set_state("open", self.env._("open"))

    def action_start(self):
        self._check_state(("open",), self.env._("start"))
        for batch in self:
            if not batch.session_ids:
                raise UserError(self.env._("Batch %s has no sessions: plan them before starting.", batch.name))
        self._set_state("running", self.env._("start"))
        applied = self.env["jmsc.training.enrolment"].search([("batch_id", "in", self.ids), ("state", "=", "applied")])
        applied.action_enrol()

    def action_done(self):
        self._check_state(("running",), self.env._("close"))
        self._set_state("done", self.env._("close"))
        enrolled = self.env["jmsc.training.enrolment"].search(
            [("batch_id", "in", self.ids), ("state", "=", "enrolled")]
        )
        enrolled.action_evaluate()

    def action_cancel(self):
        self._check_state(("draft", "open", "running"), self.env._("cancel"))
        self._set_state("cancelled", self.env._("cancel"))

    def action_draft(self):
        self._check_state(("cancelled", "open"), self.env._("reset to draft"))
        self._set_state("draft", self.env._("reset to draft"))

    def action_open_score_entry(self):
        """Nilai: one grid of every enrolled trainee's score per assessment component of this batch."""
        self.ensure_one()
        if self.state != "running":
            raise UserError(self.env._("Batch %s is not running: scores are entered while the batch runs.", self.name))
        self.check_access("write")
        wizard = self.env["jmsc.training.score.entry"].create({"batch_id": self.id})
        wizard._load_lines()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Scores of %s", self.name),
            "res_model": "jmsc.training.score.entry",
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_generate_sessions(self):
        """Create the sessions of the weekly pattern between the start and end dates."""
        Session = self.env["jmsc.training.session"]
        vals_list = []
        for batch in self:
            batch._check_state(("draft", "open", "running"), self.env._("plan sessions for"))
            weekdays = {i for i, day in enumerate(WEEKDAYS) if batch[f"pattern_{day}"]}
            if not weekdays:
                raise UserError(self.env._("Batch %s: tick at least one weekday in the pattern.", batch.name))
            if batch.pattern_hour_end <= batch.pattern_hour_start:
                raise UserError(
                    self.env._("Batch %s: the daily end hour must be after the daily start hour.", batch.name)
                )
            existing = set(batch.session_ids.mapped("date"))
            day = batch.date_start
            while day <= batch.date_end:
                if day.weekday() in weekdays and day not in existing:
                    vals_list.append(
                        {
                            "batch_id": batch.id,
                            "date": day,
                            "hour_start": batch.pattern_hour_start,
                            "hour_end": batch.pattern_hour_end,
                            "room_id": batch.room_id.id,
                        }
                    )
                day += timedelta(days=1)
        return Session.create(vals_list)

    def action_view_sessions(self):
        return related_action(self, "jmsc_training.jmsc_training_session_action", "batch_id")

    def action_view_enrolments(self):
        return related_action(self, "jmsc_training.jmsc_training_enrolment_action", "batch_id")

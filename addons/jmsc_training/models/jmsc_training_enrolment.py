from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools import public_token
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, formatLang

from ..tools import log_system_note

ACTIVE_STATES = ("applied", "waitlisted", "enrolled")
# Written only by the enrolment's own methods (through _write_guarded), never by a plain write().
GUARDED_FIELDS = frozenset({"state", "certificate_number", "verification_token", "date_completed"})
ENROL_GROUPS = ("jmsc_training.group_training_centre_staff", "jmsc_base.group_jmsc_regency_officer")


class JmscTrainingEnrolment(models.Model):
    """A migrant's place in a batch, from application to completion."""

    _name = "jmsc.training.enrolment"
    _description = "Training Enrolment"
    _inherit = ["mail.thread", "jmsc.expiry.mixin", "jmsc.state.guard.mixin"]
    _order = "batch_id, state, date_applied, id"
    _rec_name = "partner_id"

    _expiry_kind = "training"

    partner_id = fields.Many2one(
        "res.partner",
        string="Trainee",
        required=True,
        index=True,
        domain=[("is_migrant", "=", True)],
        tracking=True,
        ondelete="restrict",
    )
    nik = fields.Char(related="partner_id.nik", string="NIK", groups="jmsc_base.group_jmsc_identity")
    regency_id = fields.Many2one(related="partner_id.regency_id", store=True, index=True)
    batch_id = fields.Many2one(
        "jmsc.training.batch",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("state", "in", ("open", "running"))],
    )
    programme_id = fields.Many2one(related="batch_id.programme_id", store=True, index=True)
    centre_id = fields.Many2one(related="batch_id.centre_id", store=True, index=True)
    batch_date_start = fields.Date(related="batch_id.date_start", store=True, string="Batch Start")
    state = fields.Selection(
        [
            ("applied", "Applied"),
            ("waitlisted", "Waitlisted"),
            ("enrolled", "Enrolled"),
            ("dropped", "Dropped"),
            ("completed", "Completed"),
            ("failed", "Failed"),
        ],
        required=True,
        default="applied",
        index=True,
        tracking=True,
        copy=False,
    )
    date_applied = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    attendance_ids = fields.One2many("jmsc.training.attendance", "enrolment_id")
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance_rate",
        store=True,
        aggregator="avg",
        help="Sessions attended (present or late) over sessions recorded, excused sessions left out.",
    )
    score_ids = fields.One2many("jmsc.training.score", "enrolment_id", string="Scores")
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg", help="Weighted assessment score.")
    failure_reasons = fields.Text(compute="_compute_failure_reasons", string="Reasons Not Passing")
    completion_rate = fields.Float(
        string="Completion (%)",
        compute="_compute_completion_rate",
        store=True,
        aggregator="avg",
        help="100 for a completed enrolment, 0 for a failed or dropped one.",
    )
    certificate_number = fields.Char(copy=False, index=True, readonly=True, tracking=True)
    verification_token = fields.Char(copy=False, readonly=True, groups="base.group_user")
    verification_url = fields.Char(compute="_compute_verification_url")
    date_completed = fields.Date(copy=False, readonly=True, tracking=True)
    expiry_date = fields.Date(
        string="Certificate Valid Until",
        compute="_compute_expiry_date",
        store=True,
        help="Completion date plus the programme's certificate validity; empty when it does not expire.",
    )
    note = fields.Text()

    @api.depends("state", "date_completed", "programme_id.certificate_validity_months")
    def _compute_expiry_date(self):
        for enrolment in self:
            months = enrolment.programme_id.certificate_validity_months
            if enrolment.state == "completed" and enrolment.date_completed and months > 0:
                enrolment.expiry_date = enrolment.date_completed + relativedelta(months=months, days=-1)
            else:
                enrolment.expiry_date = False

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Training Certificate")

    def _expiry_domain(self, purpose="list"):
        return [("state", "=", "completed")]

    _sql_constraints = [
        ("certificate_number_unique", "unique(certificate_number)", "A certificate number must be unique."),
        ("verification_token_unique", "unique(verification_token)", "A verification token must be unique."),
    ]

    @api.depends("attendance_ids.status")
    def _compute_attendance_rate(self):
        for enrolment in self:
            statuses = [s for s in enrolment.attendance_ids.mapped("status") if s != "excused"]
            attended = sum(1 for s in statuses if s in ("present", "late"))
            enrolment.attendance_rate = 100.0 * attended / len(statuses) if statuses else 0.0

    @api.depends("score_ids.score", "score_ids.component_id.weight")
    def _compute_score(self):
        for enrolment in self:
            enrolment.score = sum(line.score * line.component_id.weight / 100.0 for line in enrolment.score_ids)

    @api.depends("state")
    def _compute_completion_rate(self):
        for enrolment in self:
            enrolment.completion_rate = 100.0 if enrolment.state == "completed" else 0.0

    @api.depends("attendance_rate", "score", "score_ids.component_id", "programme_id")
    def _compute_failure_reasons(self):
        for enrolment in self:
            enrolment.failure_reasons = "\n".join(enrolment._get_failure_reasons()) or False

    @api.depends("verification_token")
    def _compute_verification_url(self):
        base_url = self[:1].get_base_url() if self else ""
        for enrolment in self.sudo():
            token = enrolment.verification_token
            enrolment.verification_url = f"{base_url}/jmsc/training/certificate/{token}" if token else False

    def _get_failure_reasons(self):
        self.ensure_one()
        programme = self.programme_id
        reasons = []
        if self.attendance_rate + 1e-6 < programme.min_attendance:
            reasons.append(
                self.env._(
                    "Attendance %(rate)s%% is below the minimum of %(min)s%%.",
                    rate=formatLang(self.env, self.attendance_rate, digits=1),
                    min=formatLang(self.env, programme.min_attendance, digits=1),
                )
            )
        if programme.component_ids:
            missing = programme.component_ids - self.score_ids.component_id
            if missing:
                reasons.append(self.env._("No score yet for: %s.", ", ".join(missing.mapped("name"))))
            if self.score + 1e-6 < programme.pass_mark:
                reasons.append(
                    self.env._(
                        "Score %(score)s is below the pass mark of %(pass_mark)s.",
                        score=formatLang(self.env, self.score, digits=1),
                        pass_mark=formatLang(self.env, programme.pass_mark, digits=1),
                    )
                )
        return reasons

    @api.constrains("partner_id", "batch_id", "state")
    def _check_double_enrolment(self):
        """One active place per person in a batch, and none in two batches whose dates overlap."""
        active = self.filtered(lambda e: e.state in ACTIVE_STATES)
        if not active:
            return
        others = (
            self.sudo()
            .search([("partner_id", "in", active.partner_id.ids), ("state", "in", ACTIVE_STATES)])
            .with_env(self.env)
        )
        for enrolment in active:
            batch = enrolment.batch_id
            for other in others:
                if other == enrolment or other.partner_id != enrolment.partner_id:
                    continue
                other_batch = other.sudo().batch_id
                if other_batch == batch:
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s is already enrolled in batch %(batch)s.",
                            trainee=enrolment.partner_id.name,
                            batch=batch.name,
                        )
                    )
                if other_batch.date_start <= batch.date_end and other_batch.date_end >= batch.date_start:
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s cannot join batch %(batch)s: it overlaps batch %(other)s "
                            "(%(start)s - %(end)s) they are already in.",
                            trainee=enrolment.partner_id.name,
                            batch=batch.name,
                            other=other_batch.name,
                            start=other_batch.date_start,
                            end=other_batch.date_end,
                        )
                    )

    @api.constrains("partner_id")
    def _check_partner_is_migrant(self):
        for enrolment in self:
            if not enrolment.partner_id.is_migrant:
                raise ValidationError(
                    self.env._("%s is not registered as a migrant: only migrants can enrol.", enrolment.partner_id.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_create_vals(vals_list)
        batch_ids = {vals.get("batch_id") for vals in vals_list if vals.get("batch_id")}
        batches = self.env["jmsc.training.batch"].browse(list(batch_ids))
        for batch in batches:
            if batch.state not in ("open", "running"):
                raise UserError(self.env._("Batch %s is not open for enrolment: open it first.", batch.name))
        enrolments = super().create(vals_list)
        enrolments._check_prerequisites()
        applied = enrolments.filtered(lambda e: e.state == "applied")
        applied._waitlist_if_full()
        return enrolments

    def _check_create_vals(self, vals_list):
        """A new enrolment starts as an application, and only for a migrant the user may already see.

        Creating an enrolment must not widen what the user reads: a migrant the user cannot see is enrolled
        through the NIK search (jmsc.training.enrol.wizard), which shows only the minimal card.
        """
        for vals in vals_list:
            forged = GUARDED_FIELDS.intersection(vals) - {"state"}
            if forged or vals.get("state", "applied") != "applied":
                raise UserError(
                    self.env._(
                        "A new enrolment starts as an application: its status, certificate number and "
                        "verification code are set by the Enrol and Assess buttons."
                    )
                )
        self.env["res.partner"]._jmsc_check_partners_readable(
            vals_list,
            self.env._(
                "You cannot see this migrant's profile: use Enrol by NIK, which checks the NIK on the "
                "migrant's KTP and enrols them without opening their data."
            ),
        )

    def write(self, vals):
        if not self.env.su:
            self._check_write_vals(vals)
        return super().write(vals)

    def _check_write_vals(self, vals):
        guarded = GUARDED_FIELDS.intersection(vals)
        if guarded:
            labels = [self._fields[name].get_description(self.env)["string"] for name in sorted(guarded)]
            raise UserError(
                self.env._(
                    "Enrolment of %(trainee)s: %(fields)s change only through the Enrol, Drop, Assess and "
                    "Reopen buttons.",
                    trainee=", ".join(self.mapped("partner_id.name")),
                    fields=", ".join(labels),
                )
            )
        if "partner_id" in vals and any(e.partner_id.id != vals["partner_id"] for e in self):
            raise UserError(
                self.env._(
                    "The trainee of an enrolment cannot be changed: drop this enrolment and enrol the right person."
                )
            )
        if "batch_id" in vals:
            moved = self.filtered(lambda e: e.batch_id.id != vals["batch_id"])
            if moved.filtered(lambda e: e.state != "applied"):
                raise UserError(
                    self.env._("Only an application can move to another batch: drop the enrolment and enrol again.")
                )
            if moved:
                self.env["jmsc.training.batch"].browse(vals["batch_id"]).check_access("write")

    def _write_guarded(self, vals):
        """The only path that changes the status, certificate number and verification code."""
        return super().write(vals)

    def _check_group(self, groups, action):
        if self.env.su or any(self.env.user.has_group(group) for group in groups):
            return
        raise UserError(
            self.env._("You may not %(action)s enrolments: ask the staff of the training centre.", action=action)
        )

    def _waitlist_if_full(self):
        if not self:
            return
        self.batch_id._lock_for_enrolment()
        taken = self.batch_id._seats_taken_by_batch()
        full = self.filtered(lambda e: taken.get(e.batch_id.id, 0) >= e.batch_id.capacity)
        if full:
            full._write_guarded({"state": "waitlisted"})

    def _check_prerequisites(self):
        """Refuse trainees who miss the programme's prerequisite, age or stage."""
        with_prerequisite = self.filtered(lambda e: e.programme_id.prerequisite_programme_id)
        completed = with_prerequisite.partner_id._jmsc_completed_programme_map()
        for enrolment in self:
            programme = enrolment.programme_id
            partner = enrolment.partner_id
            required = programme.prerequisite_programme_id
            if required and required not in completed.get(partner.id, self.env["jmsc.training.programme"]):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s must complete %(required)s before joining %(programme)s.",
                        trainee=partner.name,
                        required=required.display_name,
                        programme=programme.display_name,
                    )
                )
            if programme.required_stage and partner.migration_stage != programme.required_stage:
                stages = dict(partner._fields["migration_stage"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "%(trainee)s is at stage %(stage)s; %(programme)s is for stage %(required)s.",
                        trainee=partner.name,
                        stage=stages.get(partner.migration_stage, "-"),
                        programme=programme.display_name,
                        required=stages[programme.required_stage],
                    )
                )
            if programme.min_age or programme.max_age:
                if not partner.birthdate_date:
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s has no birth date: %(programme)s has an age limit.",
                            trainee=partner.name,
                            programme=programme.display_name,
                        )
                    )
                age = relativedelta(enrolment.batch_id.date_start, partner.birthdate_date).years
                if (programme.min_age and age < programme.min_age) or (programme.max_age and age > programme.max_age):
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s will be %(age)s when the batch starts; %(programme)s takes ages "
                            "%(min)s to %(max)s.",
                            trainee=partner.name,
                            age=age,
                            programme=programme.display_name,
                            min=programme.min_age or 0,
                            max=programme.max_age or "-",
                        )
                    )

    def _jmsc_state_refusal(self, state, action):
        return self.env._(
            "The enrolment of %(trainee)s in %(batch)s is %(state)s: you cannot %(action)s it.",
            trainee=self.partner_id.name,
            batch=self.batch_id.name,
            state=state,
            action=action,
        )

    def action_enrol(self):
        """Give a seat to applicants while there is room; the others go on the waitlist."""
        self.check_access("write")
        self._check_group(ENROL_GROUPS, self.env._("enrol"))
        self._check_state(("applied", "waitlisted"), self.env._("enrol"))
        self._check_prerequisites()
        self.batch_id._lock_for_enrolment()
        taken = self.batch_id._seats_taken_by_batch()
        seated = self.browse()
        for enrolment in self.sorted(lambda e: (e.date_applied, e.id)):
            batch = enrolment.batch_id
            if taken.get(batch.id, 0) < batch.capacity:
                taken[batch.id] = taken.get(batch.id, 0) + 1
                seated |= enrolment
        seated._write_guarded({"state": "enrolled"})
        (self - seated)._write_guarded({"state": "waitlisted"})

    def action_drop(self):
        self.check_access("write")
        self._check_group(ENROL_GROUPS, self.env._("drop"))
        self._check_state(ACTIVE_STATES, self.env._("drop"))
        batches = self.filtered(lambda e: e.state == "enrolled").batch_id
        self._write_guarded({"state": "dropped"})
        batches._promote_waitlist()

    def action_open_score_entry(self):
        """Nilai: open the score grid of the whole batch; pass or fail is decided when it is confirmed."""
        self.ensure_one()
        return self.batch_id.action_open_score_entry()

    def action_evaluate(self):
        """Complete who reached the pass mark and the minimum attendance; fail the others.

        Trainers assess the trainees of their own batches, centre staff those of their centre: the
        record rules behind check_access('write') say which.
        """
        self.check_access("write")
        self._check_group(
            ("jmsc_training.group_training_trainer", "jmsc_base.group_jmsc_regency_officer"), self.env._("assess")
        )
        self._check_state(("enrolled",), self.env._("assess"))
        passed = self.filtered(lambda e: not e._get_failure_reasons())
        failed = self - passed
        if failed:
            failed._write_guarded({"state": "failed"})
            log_system_note(failed, {enrolment.id: enrolment.failure_reasons for enrolment in failed})
        today = office_today(self)
        for enrolment in passed:
            # A batch assessed after it ended completes on its last day.
            enrolment._write_guarded({"state": "completed", "date_completed": min(today, enrolment.batch_id.date_end)})
        passed._assign_certificate_numbers()

    def action_reopen(self):
        self.check_access("write")
        self._check_group(("jmsc_training.group_training_centre_staff",), self.env._("reopen"))
        self._check_state(("failed", "dropped"), self.env._("reopen"))
        self._write_guarded({"state": "enrolled", "date_completed": False})

    def action_print_certificate(self):
        self._check_state(("completed",), self.env._("print a certificate for"))
        return self.env.ref("jmsc_training.action_report_training_certificate").report_action(self, config=False)

    def _assign_certificate_numbers(self):
        for enrolment in self.sorted("id"):
            if enrolment.certificate_number:
                continue
            sequence = self._certificate_sequence(enrolment.centre_id, enrolment.date_completed.year)
            enrolment._write_guarded(
                {
                    "certificate_number": sequence._next(),
                    "verification_token": public_token.new_token(),
                }
            )

    @api.model
    def _certificate_sequence(self, centre, year):
        """The certificate sequence of a centre and year, created the first time it is needed."""
        Sequence = self.env["ir.sequence"].sudo()
        code = f"jmsc.training.certificate.{centre.id}.{year}"
        sequence = Sequence.search([("code", "=", code)], limit=1)
        if sequence:
            return sequence
        # Bumping the centre row serialises concurrent creators: the second one is retried
        # with a fresh snapshot and finds the sequence instead of creating a twin.
        self.env.cr.execute(SQL("UPDATE res_partner SET write_date = write_date WHERE id = %s", centre.id))
        return Sequence.create(
            {
                "name": self.env._("Training certificates %(centre)s %(year)s", centre=centre.name, year=year),
                "code": code,
                "implementation": "standard",
                "prefix": f"JMSC/TRN/{centre.ref or centre.id}/{year}/",
                "padding": 5,
                "company_id": False,
            }
        )

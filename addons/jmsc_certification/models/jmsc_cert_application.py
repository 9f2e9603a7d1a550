from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action
from odoo.exceptions import UserError, ValidationError

APPLICATION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("verified", "Verified"),
    ("scheduled", "Scheduled"),
    ("assessed", "Assessed"),
    ("certified", "Certified"),
    ("not_competent", "Not Yet Competent"),
    ("withdrawn", "Withdrawn"),
]
OPEN_STATES = ("draft", "submitted", "verified", "scheduled", "assessed")
# Written only by the application's buttons (through _write_guarded), never by a plain write().
GUARDED_FIELDS = frozenset({"state", "attempt", "verified_date", "verified_by_id", "result"})


class JmscCertApplication(models.Model):
    """A candidate's application for a scheme, from verification to the certification decision."""

    _name = "jmsc.cert.application"
    _description = "Certification Application"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.cert.lsp.mixin", "jmsc.state.guard.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, readonly=True, copy=False, default=lambda self: self.env._("New"))
    partner_id = fields.Many2one(
        "res.partner",
        string="Candidate",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("is_migrant", "=", True)],
    )
    regency_id = fields.Many2one(related="partner_id.regency_id", store=True, index=True)
    scheme_id = fields.Many2one("jmsc.cert.scheme", required=True, index=True, tracking=True)
    lsp_id = fields.Many2one(related="scheme_id.lsp_id", string="LSP", store=True, index=True)
    event_id = fields.Many2one(
        "jmsc.cert.event",
        string="Assessment",
        index=True,
        tracking=True,
        domain="[('scheme_id', '=', scheme_id), ('state', 'in', ('draft', 'confirmed'))]",
    )
    state = fields.Selection(APPLICATION_STATES, required=True, default="draft", tracking=True, index=True)
    attempt = fields.Integer(readonly=True, default=0, help="The current assessment attempt (1 = first assessment).")
    result_ids = fields.One2many("jmsc.cert.result", "application_id", string="Results")
    result = fields.Selection(
        [("pending", "Pending"), ("competent", "Competent (K)"), ("not_competent", "Not Yet Competent (BK)")],
        compute="_compute_result",
        store=True,
        tracking=True,
    )
    missing_programme_ids = fields.Many2many(
        "jmsc.training.programme", string="Missing Trainings", compute="_compute_checklist", compute_sudo=True
    )
    missing_document_category_ids = fields.Many2many(
        "res.partner.id_category", string="Missing Documents", compute="_compute_checklist", compute_sudo=True
    )
    checklist_html = fields.Html(string="Checklist", compute="_compute_checklist", compute_sudo=True)
    is_eligible = fields.Boolean(compute="_compute_checklist", compute_sudo=True)
    verified_date = fields.Date(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    certificate_ids = fields.One2many("jmsc.cert.certificate", "application_id", string="Certificates")
    appeal_ids = fields.One2many("jmsc.cert.appeal", "application_id", string="Appeals")
    appeal_count = fields.Integer(compute="_compute_appeal_count")
    note = fields.Text()

    @api.depends("result_ids.verdict", "result_ids.attempt", "scheme_id.unit_ids")
    def _compute_result(self):
        for application in self:
            latest = application._latest_result_by_unit()
            units = application.scheme_id.unit_ids
            verdicts = [latest[unit].verdict if unit in latest else False for unit in units]
            if not units or not all(verdicts):
                application.result = "pending"
            elif all(verdict == "k" for verdict in verdicts):
                application.result = "competent"
            else:
                application.result = "not_competent"

    @api.depends("partner_id", "scheme_id.programme_ids", "scheme_id.document_category_ids")
    def _compute_checklist(self):
        completed = self.partner_id._jmsc_completed_programme_map()
        valid_documents = self.partner_id._jmsc_valid_document_map()
        no_category = self.env["res.partner.id_category"]
        no_programme = self.env["jmsc.training.programme"]
        for application in self:
            items = []
            done = completed.get(application.partner_id.id, no_programme)
            missing_programmes = application.scheme_id.programme_ids - done
            for programme in application.scheme_id.programme_ids:
                items.append(
                    (programme not in missing_programmes, self.env._("Training completed: %s", programme.display_name))
                )
            missing_documents = self.env["res.partner.id_category"]
            held = valid_documents.get(application.partner_id.id, no_category)
            for category in application.scheme_id.document_category_ids:
                valid = category in held
                if not valid:
                    missing_documents |= category
                items.append((valid, self.env._("Valid document: %s", category.name)))
            application.missing_programme_ids = missing_programmes
            application.missing_document_category_ids = missing_documents
            application.is_eligible = (
                bool(application.partner_id and application.scheme_id)
                and not missing_programmes
                and not missing_documents
            )
            application.checklist_html = self._checklist_markup(items)

    def _compute_appeal_count(self):
        compute_related_count(self, "appeal_count", "jmsc.cert.appeal", "application_id")

    @api.model
    def _checklist_markup(self, items):
        if not items:
            return Markup("<p>%s</p>") % self.env._("This scheme has no requirements.")
        lines = [
            Markup('<li class="%s">%s %s</li>') % ("text-success" if ok else "text-danger", "✔" if ok else "✘", label)
            for ok, label in items
        ]
        return Markup('<ul class="list-unstyled mb-0">%s</ul>') % Markup().join(lines)

    @api.constrains("scheme_id")
    def _check_lsp_of_user(self):
        for record in self:
            # sudo: staff cannot read another LSP's scheme, and must get this message rather than an access error.
            record._check_own_lsp(record.sudo().scheme_id.lsp_id)

    @api.constrains("partner_id", "scheme_id", "state")
    def _check_single_open_application(self):
        for application in self.filtered(lambda a: a.state in OPEN_STATES):
            duplicate = self.search_count(
                [
                    ("id", "!=", application.id),
                    ("partner_id", "=", application.partner_id.id),
                    ("scheme_id", "=", application.scheme_id.id),
                    ("state", "in", OPEN_STATES),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(candidate)s already has an open application for the scheme %(scheme)s.",
                        candidate=application.partner_id.display_name,
                        scheme=application.scheme_id.display_name,
                    )
                )

    @api.constrains("event_id", "scheme_id")
    def _check_event_scheme(self):
        for application in self.filtered("event_id"):
            if application.event_id.scheme_id != application.scheme_id:
                raise ValidationError(
                    self.env._(
                        "Application %(application)s: assessment %(event)s is for another scheme than %(scheme)s.",
                        application=application.name,
                        event=application.event_id.name,
                        scheme=application.scheme_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_create_vals(vals_list)
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("jmsc.cert.application") or "/"
        return super().create(vals_list)

    def _check_create_vals(self, vals_list):
        """A new application is a draft, for a migrant the user may already see (otherwise: Apply by NIK)."""
        for vals in vals_list:
            if GUARDED_FIELDS.intersection(vals) - {"state"} or vals.get("state", "draft") != "draft":
                raise UserError(self.env._("A new application starts as a draft: its status is set by its buttons."))
        # sudo: the LSP of a scheme the user may not read, to say "not your LSP" rather than an access error.
        schemes = (
            self.env["jmsc.cert.scheme"]
            .sudo()
            .browse({vals["scheme_id"] for vals in vals_list if vals.get("scheme_id")})
        )
        self._check_own_lsp(schemes.lsp_id)
        self.env["res.partner"]._jmsc_check_partners_readable(
            vals_list,
            self.env._(
                "You cannot see this migrant's profile: use Apply by NIK, which checks the NIK on the "
                "candidate's KTP and registers the application without opening their data."
            ),
        )

    def write(self, vals):
        if not self.env.su:
            guarded = GUARDED_FIELDS.intersection(vals)
            if guarded:
                raise UserError(
                    self.env._(
                        "Application %(application)s: %(fields)s change only through its buttons (Submit, Verify, "
                        "Schedule, Issue Certificate, Not Yet Competent, Withdraw).",
                        application=", ".join(self.mapped("name")),
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"] for name in sorted(guarded)
                        ),
                    )
                )
            if "partner_id" in vals and any(a.partner_id.id != vals["partner_id"] for a in self):
                raise UserError(
                    self.env._("The candidate of an application cannot be changed: withdraw it and apply again.")
                )
        return super().write(vals)

    def _write_guarded(self, vals):
        """The only path that changes the status, attempt and verification of applications.

        Only LSP staff and certification managers run it, on applications they may edit (record rules).
        """
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group("jmsc_certification.group_cert_lsp_staff")):
            raise UserError(self.env._("Only the staff of the LSP change the status of an application."))
        return super().write(vals)

    def _latest_result_by_unit(self):
        """{unit: the result line of its latest attempt}."""
        self.ensure_one()
        latest = {}
        for line in self.result_ids.sorted("attempt"):
            latest[line.unit_id] = line
        return latest

    def _current_result_ids(self):
        self.ensure_one()
        return self.result_ids.filtered(lambda r: r.attempt == self.attempt)

    def _jmsc_state_refusal(self, state, action):
        return self.env._(
            "Application %(application)s is %(state)s: it cannot be %(action)s.",
            application=self.name,
            state=state,
            action=action,
        )

    def action_submit(self):
        self._check_state(("draft",), self.env._("submitted"))
        self._write_guarded({"state": "submitted"})

    def action_verify(self):
        self._check_state(("submitted",), self.env._("verified"))
        for application in self:
            if not application.is_eligible:
                missing = application.missing_programme_ids.mapped("display_name") + (
                    application.missing_document_category_ids.mapped("name")
                )
                raise UserError(
                    self.env._(
                        "Application %(application)s cannot be verified; missing: %(missing)s.",
                        application=application.name,
                        missing=", ".join(missing),
                    )
                )
        self._write_guarded({"state": "verified", "verified_date": office_today(self), "verified_by_id": self.env.uid})

    def action_schedule(self):
        self._check_state(("verified",), self.env._("scheduled"))
        for application in self:
            application._check_event_open()
            application._create_result_lines(application.scheme_id.unit_ids, 1)
        self._write_guarded({"state": "scheduled", "attempt": 1})

    def action_reassess(self):
        """Schedule a new attempt on the units whose latest verdict is BK, at the application's assessment."""
        self._check_state(("not_competent",), self.env._("re-assessed"))
        for application in self:
            application._check_event_open()
            latest = application._latest_result_by_unit()
            failed = application.scheme_id.unit_ids.filtered(lambda u, lt=latest: u in lt and lt[u].verdict == "bk")
            if not failed:
                raise UserError(self.env._("Application %s has no failed unit to re-assess.", application.name))
            application._create_result_lines(failed, application.attempt + 1)
            application._write_guarded({"state": "scheduled", "attempt": application.attempt + 1})

    def action_certify(self):
        self._check_state(("assessed",), self.env._("certified"))
        for application in self:
            if application.result != "competent":
                raise UserError(
                    self.env._(
                        "Application %s is not competent on every unit: no certificate can be issued.",
                        application.name,
                    )
                )
        self.check_access("write")
        certificates = self.env["jmsc.cert.certificate"].create(
            [
                {
                    "partner_id": application.partner_id.id,
                    "scheme_id": application.scheme_id.id,
                    "application_id": application.id,
                }
                for application in self
            ]
        )
        self._write_guarded({"state": "certified"})
        return certificates

    def action_mark_not_competent(self):
        self._check_state(("assessed",), self.env._("marked not yet competent"))
        for application in self:
            if application.result != "not_competent":
                raise UserError(
                    self.env._("Application %s has no BK result: it is not 'not yet competent'.", application.name)
                )
        self._write_guarded({"state": "not_competent"})

    def action_withdraw(self):
        self._check_state(OPEN_STATES + ("not_competent",), self.env._("withdrawn"))
        self._write_guarded({"state": "withdrawn"})

    def action_reset_draft(self):
        self._check_state(("submitted", "withdrawn"), self.env._("reset to draft"))
        self._write_guarded({"state": "draft"})

    def action_view_certificates(self):
        return related_action(self, "jmsc_certification.jmsc_cert_certificate_action", "application_id", context=False)

    def _check_event_open(self):
        self.ensure_one()
        if not self.event_id or self.event_id.state not in ("draft", "confirmed"):
            raise UserError(
                self.env._("Application %s: choose an assessment that is not closed or cancelled.", self.name)
            )

    def _create_result_lines(self, units, attempt):
        """Result lines are created only here, for an application the user may edit."""
        self.ensure_one()
        self.check_access("write")
        self.env["jmsc.cert.result"].create(
            [
                {"application_id": self.id, "unit_id": unit.id, "event_id": self.event_id.id, "attempt": attempt}
                for unit in units
            ]
        )

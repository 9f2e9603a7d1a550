from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action
from odoo.exceptions import UserError, ValidationError


class JmscCertEvent(models.Model):
    """An assessment event: a date at a venue where assessors judge the candidates of one scheme."""

    _name = "jmsc.cert.event"
    _description = "Assessment Event"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.cert.lsp.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True, copy=False, default=lambda self: self.env._("New"))
    date = fields.Date(required=True, index=True, tracking=True)
    venue_id = fields.Many2one("jmsc.cert.venue", string="Venue (TUK)", required=True, index=True, tracking=True)
    scheme_id = fields.Many2one("jmsc.cert.scheme", required=True, index=True, tracking=True)
    lsp_id = fields.Many2one(related="scheme_id.lsp_id", string="LSP", store=True, index=True)
    assessor_ids = fields.Many2many(
        "jmsc.cert.assessor", "jmsc_cert_event_assessor_rel", "event_id", "assessor_id", string="Assessors"
    )
    application_ids = fields.One2many("jmsc.cert.application", "event_id", string="Candidates")
    result_ids = fields.One2many("jmsc.cert.result", "event_id", string="Results")
    candidate_count = fields.Integer(compute="_compute_candidate_count")
    certificate_count = fields.Integer(
        compute="_compute_certificate_count",
        groups="jmsc_certification.group_cert_lsp_staff,jmsc_base.group_jmsc_user",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("done", "Assessed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    note = fields.Text()

    def _compute_candidate_count(self):
        compute_related_count(self, "candidate_count", "jmsc.cert.application", "event_id")

    def _compute_certificate_count(self):
        certificates = self.env["jmsc.cert.certificate"].search([("application_id.event_id", "in", self.ids)])
        for event in self:
            event.certificate_count = len(certificates.filtered(lambda c, e=event: c.application_id.event_id == e))

    @api.constrains("scheme_id")
    def _check_lsp_of_user(self):
        for record in self:
            # sudo: staff cannot read another LSP's scheme, and must get this message rather than an access error.
            record._check_own_lsp(record.sudo().scheme_id.lsp_id)

    @api.constrains("assessor_ids", "date", "scheme_id")
    def _check_assessors(self):
        for event in self:
            for assessor in event.assessor_ids:
                if assessor.licence_expiry < event.date:
                    raise ValidationError(
                        self.env._(
                            "Assessment %(event)s: the licence of assessor %(assessor)s expired on %(expiry)s, "
                            "before the assessment date %(date)s.",
                            event=event.name,
                            assessor=assessor.display_name,
                            expiry=assessor.licence_expiry,
                            date=event.date,
                        )
                    )
                if event.scheme_id not in assessor.scheme_ids:
                    raise ValidationError(
                        self.env._(
                            "Assessment %(event)s: assessor %(assessor)s is not qualified for the scheme %(scheme)s.",
                            event=event.name,
                            assessor=assessor.display_name,
                            scheme=event.scheme_id.display_name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" and not self.env.su:
                raise UserError(self.env._("A new assessment starts as a draft: confirm it with its button."))
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("jmsc.cert.event") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "Assessment %s: its status changes only through the Confirm, Close Assessment, Cancel and "
                    "Reset to Draft buttons.",
                    ", ".join(self.mapped("name")),
                )
            )
        return super().write(vals)

    def _set_state(self, state):
        """The only path that changes an assessment's status: LSP staff of the assessment's LSP (or managers)."""
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group("jmsc_certification.group_cert_lsp_staff")):
            raise UserError(self.env._("Only the staff of the LSP change the status of an assessment."))
        return super().write({"state": state})

    def action_confirm(self):
        for event in self:
            if event.state != "draft":
                raise UserError(self.env._("Assessment %s can only be confirmed from draft.", event.name))
            if not event.assessor_ids:
                raise UserError(self.env._("Assessment %s needs at least one assessor.", event.name))
        self._set_state("confirmed")

    def action_done(self):
        """Close the assessment: every candidate's current results must be entered."""
        for event in self:
            if event.state != "confirmed":
                raise UserError(self.env._("Assessment %s must be confirmed before it is closed.", event.name))
            for application in event.application_ids.filtered(lambda a: a.state == "scheduled"):
                pending = application._current_result_ids().filtered(lambda r: not r.verdict)
                if pending:
                    raise UserError(
                        self.env._(
                            "Assessment %(event)s: enter the results of %(candidate)s for %(units)s first.",
                            event=event.name,
                            candidate=application.partner_id.name,
                            units=", ".join(pending.unit_id.mapped("code")),
                        )
                    )
            event.application_ids.filtered(lambda a: a.state == "scheduled")._write_guarded({"state": "assessed"})
        self._set_state("done")

    def action_cancel(self):
        for event in self:
            if event.state == "done":
                raise UserError(self.env._("Assessment %s is closed and cannot be cancelled.", event.name))
            if event.application_ids.filtered(lambda a: a.state == "scheduled"):
                raise UserError(
                    self.env._("Assessment %s still has scheduled candidates; move them first.", event.name)
                )
        self._set_state("cancelled")

    def action_draft(self):
        self.filtered(lambda e: e.state == "cancelled")._set_state("draft")

    def action_issue_certificates(self):
        """Decide every assessed candidate: certify the competent ones, mark the others not yet competent."""
        for event in self:
            if event.state != "done":
                raise UserError(self.env._("Close assessment %s before deciding its candidates.", event.name))
        applications = self.application_ids.filtered(lambda a: a.state == "assessed")
        competent = applications.filtered(lambda a: a.result == "competent")
        competent.action_certify()
        (applications - competent).action_mark_not_competent()
        return self.action_view_certificates()

    def action_view_candidates(self):
        return related_action(
            self,
            "jmsc_certification.jmsc_cert_application_action",
            "event_id",
            context={"default_event_id": self.id, "default_scheme_id": self.scheme_id.id},
        )

    def action_view_results(self):
        return related_action(
            self, "jmsc_certification.jmsc_cert_result_action", "event_id", context={"group_by": ["partner_id"]}
        )

    def action_view_certificates(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_certification.jmsc_cert_certificate_action")
        action["domain"] = [("application_id.event_id", "in", self.ids)]
        return action

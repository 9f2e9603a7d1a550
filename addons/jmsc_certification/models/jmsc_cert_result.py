from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ASSESSOR_WRITABLE_FIELDS = {"verdict", "note", "assessor_id"}


class JmscCertResult(models.Model):
    """The verdict on one unit of competency for one candidate, at one attempt."""

    _name = "jmsc.cert.result"
    _description = "Assessment Result"
    _order = "event_id, application_id, attempt, unit_id"

    application_id = fields.Many2one("jmsc.cert.application", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(related="application_id.partner_id", string="Candidate", store=True, index=True)
    lsp_id = fields.Many2one(related="application_id.lsp_id", string="LSP", store=True, index=True)
    regency_id = fields.Many2one(related="application_id.regency_id", store=True)
    event_id = fields.Many2one("jmsc.cert.event", string="Assessment", required=True, index=True, ondelete="restrict")
    event_state = fields.Selection(related="event_id.state", string="Assessment Status")
    unit_id = fields.Many2one("jmsc.cert.unit", required=True, ondelete="restrict")
    attempt = fields.Integer(required=True, default=1)
    verdict = fields.Selection([("k", "K (Competent)"), ("bk", "BK (Not Yet Competent)")])
    assessor_id = fields.Many2one("jmsc.cert.assessor", index=True)
    note = fields.Text(string="Assessor's Note")

    _sql_constraints = [
        (
            "unit_attempt_unique",
            "unique(application_id, unit_id, attempt)",
            "A unit is judged once per attempt of an application.",
        ),
    ]

    def _compute_display_name(self):
        for result in self:
            result.display_name = f"{result.partner_id.name} / {result.unit_id.code} #{result.attempt}"

    @api.constrains("assessor_id", "event_id")
    def _check_assessor(self):
        for result in self.filtered("assessor_id"):
            if result.assessor_id not in result.event_id.assessor_ids:
                raise ValidationError(
                    self.env._(
                        "Result %(result)s: %(assessor)s is not an assessor of assessment %(event)s.",
                        result=result.display_name,
                        assessor=result.assessor_id.display_name,
                        event=result.event_id.name,
                    )
                )

    @api.constrains("unit_id", "application_id")
    def _check_unit(self):
        for result in self:
            if result.unit_id.scheme_id != result.application_id.scheme_id:
                raise ValidationError(
                    self.env._(
                        "Result %(result)s: unit %(unit)s is not part of the scheme %(scheme)s.",
                        result=result.display_name,
                        unit=result.unit_id.display_name,
                        scheme=result.application_id.scheme_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("verdict") or vals.get("assessor_id"):
                    raise UserError(self.env._("A result line starts without a verdict: the assessor enters it."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - ASSESSOR_WRITABLE_FIELDS:
            # The candidate, unit, attempt and assessment of a line are set when it is scheduled, never after.
            raise AccessError(self.env._("Assessors may only enter the verdict, the note and the assessor."))
        if set(vals) & ASSESSOR_WRITABLE_FIELDS:
            locked = self.filtered(lambda r: r.event_id.state in ("done", "cancelled"))
            if locked:
                raise UserError(
                    self.env._(
                        "Result %s belongs to a closed assessment and cannot be changed.", locked[0].display_name
                    )
                )
            if vals.get("verdict") and "assessor_id" not in vals:
                return self._write_with_own_assessor(vals)
        return super().write(vals)

    def _write_with_own_assessor(self, vals):
        """Record the current user as the assessor of the lines they judge, when they are one of the event's."""
        for result in self:
            own = result.event_id.assessor_ids.filtered(
                lambda a: a.user_id == self.env.user or a.partner_id == self.env.user.partner_id
            )[:1]
            line_vals = dict(vals)
            if own and not result.assessor_id:
                line_vals["assessor_id"] = own.id
            super(JmscCertResult, result).write(line_vals)
        return True

    def action_set_competent(self):
        self.write({"verdict": "k"})

    def action_set_not_competent(self):
        self.write({"verdict": "bk"})

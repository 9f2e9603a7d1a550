from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class JmscTrainingScore(models.Model):
    """A trainee's score (0-100) on one assessment component."""

    _name = "jmsc.training.score"
    _description = "Assessment Score"
    _order = "enrolment_id, component_id"

    enrolment_id = fields.Many2one("jmsc.training.enrolment", required=True, ondelete="cascade", index=True)
    programme_id = fields.Many2one(related="enrolment_id.programme_id")
    component_id = fields.Many2one(
        "jmsc.training.assessment.component",
        required=True,
        ondelete="restrict",
        domain="[('programme_id', '=', programme_id)]",
    )
    weight = fields.Float(related="component_id.weight")
    score = fields.Float(required=True)

    _sql_constraints = [
        ("enrolment_component_unique", "unique(enrolment_id, component_id)", "One score per component."),
        ("score_range", "CHECK(score >= 0 AND score <= 100)", "A score must be between 0 and 100."),
    ]

    @api.constrains("component_id", "enrolment_id")
    def _check_component_programme(self):
        for line in self:
            if line.component_id.programme_id != line.enrolment_id.programme_id:
                raise ValidationError(
                    self.env._(
                        "%(component)s is not an assessment of %(programme)s.",
                        component=line.component_id.name,
                        programme=line.enrolment_id.programme_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        scores = super().create(vals_list)
        scores._check_enrolment_open()
        return scores

    def write(self, vals):
        self._check_enrolment_open()
        res = super().write(vals)
        if "enrolment_id" in vals:
            self._check_enrolment_open()
        return res

    def unlink(self):
        self._check_enrolment_open()
        return super().unlink()

    def _check_enrolment_open(self):
        """Scores change only while the trainee is enrolled: a decided result keeps the scores it was based on."""
        if self.env.su:
            return
        closed = self.enrolment_id.filtered(lambda e: e.state != "enrolled")
        if closed:
            raise UserError(
                self.env._(
                    "The result of %(trainee)s is already decided: scores can no longer change.",
                    trainee=", ".join(closed.mapped("partner_id.name")),
                )
            )

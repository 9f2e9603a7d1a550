from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

from odoo import fields, models


class JmscTrainingAssessmentComponent(models.Model):
    """One assessed part of a programme (written test, practice, ...) and its weight."""

    _name = "jmsc.training.assessment.component"
    _description = "Assessment Component"
    _order = "programme_id, sequence, id"

    programme_id = fields.Many2one("jmsc.training.programme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    weight = fields.Float(string="Weight (%)", required=True, default=100.0)

    _sql_constraints = [
        ("weight_positive", "CHECK(weight > 0 AND weight <= 100)", "An assessment weight must be between 0 and 100%."),
    ]

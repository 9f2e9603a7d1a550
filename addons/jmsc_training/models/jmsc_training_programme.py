from odoo import api, fields, models
from odoo.addons.jmsc_base.models.res_partner import MIGRATION_STAGES
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action
from odoo.exceptions import ValidationError

PROGRAMME_CATEGORIES = [
    ("language", "Language"),
    ("caregiving", "Caregiving"),
    ("domestic", "Domestic Work"),
    ("hospitality", "Hospitality"),
    ("manufacturing", "Manufacturing"),
    ("fishery", "Fishery"),
    ("orientation", "Pre-Departure Orientation (OPP)"),
    ("entrepreneurship", "Entrepreneurship"),
    ("financial_literacy", "Financial Literacy"),
    ("other", "Other"),
]


class JmscTrainingProgramme(models.Model):
    """A course the centres teach, with its pass rules and prerequisites."""

    _name = "jmsc.training.programme"
    _description = "Training Programme"
    _inherit = ["mail.thread"]
    _order = "code, name"

    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    category = fields.Selection(PROGRAMME_CATEGORIES, required=True, default="other", index=True)
    target_group = fields.Selection(
        [("prospective", "Calon PMI"), ("returned", "Purna PMI")],
        required=True,
        default="prospective",
        index=True,
    )
    country_ids = fields.Many2many("res.country", string="Destination Countries")
    total_hours = fields.Float()
    learning_outcomes = fields.Html(translate=True)
    min_attendance = fields.Float(
        string="Minimum Attendance (%)", default=80.0, tracking=True, help="Attendance rate needed to complete."
    )
    pass_mark = fields.Float(default=70.0, tracking=True, help="Weighted score (0-100) needed to complete.")
    prerequisite_programme_id = fields.Many2one(
        "jmsc.training.programme",
        help="A programme the trainee must have completed first.",
    )
    certificate_validity_months = fields.Integer(
        string="Certificate Validity (Months)",
        tracking=True,
        help="How long a training certificate of this programme stays valid; 0: it does not expire.",
    )
    min_age = fields.Integer(string="Minimum Age")
    max_age = fields.Integer(string="Maximum Age")
    required_stage = fields.Selection(MIGRATION_STAGES, help="The migration stage a trainee must be at.")
    component_ids = fields.One2many("jmsc.training.assessment.component", "programme_id", string="Assessment")
    batch_ids = fields.One2many("jmsc.training.batch", "programme_id", string="Batches")
    batch_count = fields.Integer(compute="_compute_batch_count")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a training programme must be unique."),
        (
            "min_attendance_range",
            "CHECK(min_attendance >= 0 AND min_attendance <= 100)",
            "The minimum attendance must be between 0 and 100%.",
        ),
        ("pass_mark_range", "CHECK(pass_mark >= 0 AND pass_mark <= 100)", "The pass mark must be between 0 and 100."),
    ]

    def _compute_batch_count(self):
        compute_related_count(self, "batch_count", "jmsc.training.batch", "programme_id")

    def _compute_display_name(self):
        for programme in self:
            programme.display_name = f"[{programme.code}] {programme.name}" if programme.code else programme.name

    @api.constrains("min_age", "max_age")
    def _check_ages(self):
        for programme in self:
            if programme.min_age < 0 or programme.max_age < 0:
                raise ValidationError(self.env._("Programme %s: ages cannot be negative.", programme.display_name))
            if programme.min_age and programme.max_age and programme.min_age > programme.max_age:
                raise ValidationError(
                    self.env._(
                        "Programme %(programme)s: the minimum age (%(min)s) is above the maximum age (%(max)s).",
                        programme=programme.display_name,
                        min=programme.min_age,
                        max=programme.max_age,
                    )
                )

    @api.constrains("prerequisite_programme_id")
    def _check_prerequisite_cycle(self):
        for programme in self:
            seen = programme
            current = programme.prerequisite_programme_id
            while current:
                if current in seen:
                    raise ValidationError(
                        self.env._("Programme %s: its prerequisites form a cycle.", programme.display_name)
                    )
                seen |= current
                current = current.prerequisite_programme_id

    @api.constrains("component_ids")
    def _check_component_weights(self):
        for programme in self:
            if programme.component_ids:
                total = sum(programme.component_ids.mapped("weight"))
                if abs(total - 100.0) > 0.01:
                    raise ValidationError(
                        self.env._(
                            "Programme %(programme)s: the assessment weights add up to %(total)s%%, not 100%%.",
                            programme=programme.display_name,
                            total=round(total, 2),
                        )
                    )

    def action_view_batches(self):
        return related_action(self, "jmsc_training.jmsc_training_batch_action", "programme_id")

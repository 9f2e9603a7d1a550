from odoo import fields, models
from odoo.exceptions import UserError


class JmscTrainingScoreEntry(models.TransientModel):
    """Nilai: every enrolled trainee's score on every assessment component of a batch, in one grid."""

    _name = "jmsc.training.score.entry"
    _description = "Score Entry"

    batch_id = fields.Many2one("jmsc.training.batch", required=True, readonly=True, ondelete="cascade")
    programme_id = fields.Many2one(related="batch_id.programme_id")
    pass_mark = fields.Float(related="batch_id.programme_id.pass_mark")
    min_attendance = fields.Float(related="batch_id.programme_id.min_attendance")
    line_ids = fields.One2many("jmsc.training.score.entry.line", "entry_id", string="Scores")

    def _load_lines(self):
        """One line per enrolled trainee and component, sorted by component, carrying the saved score."""
        self.ensure_one()
        enrolments = self.env["jmsc.training.enrolment"].search(
            [("batch_id", "=", self.batch_id.id), ("state", "=", "enrolled")], order="id"
        )
        if not enrolments:
            raise UserError(self.env._("Batch %s has no enrolled trainee to score.", self.batch_id.name))
        components = self.batch_id.programme_id.component_ids
        if not components:
            raise UserError(
                self.env._(
                    "Programme %s has no assessment component: the result depends on attendance only. "
                    "Use Close and Assess on the batch.",
                    self.batch_id.programme_id.display_name,
                )
            )
        saved = {(s.enrolment_id.id, s.component_id.id): s.score for s in enrolments.score_ids}
        enrolments = enrolments.sorted(lambda e: e.partner_id.name or "")
        self.line_ids = [
            fields.Command.create(
                {
                    "sequence": index,
                    "enrolment_id": enrolment.id,
                    "component_id": component.id,
                    "score": saved.get((enrolment.id, component.id), 0.0),
                    "has_score": (enrolment.id, component.id) in saved,
                }
            )
            for index, (component, enrolment) in enumerate(
                (component, enrolment) for component in components for enrolment in enrolments
            )
        ]

    def _save_scores(self):
        """Write the grid into the trainees' scores (as the user: the record rules of jmsc.training.score apply)."""
        self.ensure_one()
        Score = self.env["jmsc.training.score"]
        existing = {
            (s.enrolment_id.id, s.component_id.id): s
            for s in Score.search([("enrolment_id", "in", self.line_ids.enrolment_id.ids)])
        }
        to_create = []
        for line in self.line_ids:
            key = (line.enrolment_id.id, line.component_id.id)
            if line.score < 0 or line.score > 100:
                raise UserError(
                    self.env._(
                        "%(trainee)s, %(component)s: a score is between 0 and 100, not %(score)s.",
                        trainee=line.enrolment_id.partner_id.name,
                        component=line.component_id.name,
                        score=line.score,
                    )
                )
            score = existing.get(key)
            if score:
                if score.score != line.score:
                    score.score = line.score
            elif line.score or line.has_score:
                to_create.append({"enrolment_id": key[0], "component_id": key[1], "score": line.score})
        Score.create(to_create)

    def action_save(self):
        """Save the scores and keep every trainee enrolled."""
        self._save_scores()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Scores of %s saved. Nobody has been passed or failed yet.", self.batch_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_confirm(self):
        """Save the scores, then decide: who reached the pass mark and the minimum attendance completes."""
        self._save_scores()
        enrolments = self.line_ids.enrolment_id.filtered(lambda e: e.state == "enrolled")
        enrolments.action_evaluate()
        return self.batch_id.action_view_enrolments()


class JmscTrainingScoreEntryLine(models.TransientModel):
    _name = "jmsc.training.score.entry.line"
    _description = "Score Entry Line"
    _order = "sequence, id"

    entry_id = fields.Many2one("jmsc.training.score.entry", required=True, ondelete="cascade")
    sequence = fields.Integer()
    enrolment_id = fields.Many2one("jmsc.training.enrolment", required=True, readonly=True, ondelete="cascade")
    trainee_name = fields.Char(related="enrolment_id.partner_id.name", string="Trainee")
    attendance_rate = fields.Float(related="enrolment_id.attendance_rate", string="Attendance (%)")
    component_id = fields.Many2one(
        "jmsc.training.assessment.component", required=True, readonly=True, ondelete="cascade"
    )
    weight = fields.Float(related="component_id.weight")
    score = fields.Float()
    has_score = fields.Boolean(readonly=True, help="A score was saved before for this trainee and component.")

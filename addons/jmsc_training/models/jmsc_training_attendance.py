from odoo import api, fields, models
from odoo.exceptions import ValidationError

ATTENDANCE_STATUSES = [
    ("present", "Present"),
    ("late", "Late"),
    ("excused", "Excused"),
    ("absent", "Absent"),
]


class JmscTrainingAttendance(models.Model):
    """Whether one trainee attended one session."""

    _name = "jmsc.training.attendance"
    _description = "Training Attendance"
    _order = "session_id, partner_name, id"

    session_id = fields.Many2one("jmsc.training.session", required=True, ondelete="cascade", index=True)
    enrolment_id = fields.Many2one("jmsc.training.enrolment", required=True, ondelete="cascade", index=True)
    batch_id = fields.Many2one(related="session_id.batch_id", store=True, index=True)
    centre_id = fields.Many2one(related="session_id.centre_id", store=True, index=True)
    partner_id = fields.Many2one(related="enrolment_id.partner_id", string="Trainee")
    partner_name = fields.Char(related="enrolment_id.partner_id.name", store=True, string="Trainee Name")
    date = fields.Date(related="session_id.date", store=True)
    status = fields.Selection(ATTENDANCE_STATUSES, required=True, default="present")
    note = fields.Char()
    attendance_rate = fields.Float(related="enrolment_id.attendance_rate", string="Attendance (%)")

    _sql_constraints = [
        ("session_enrolment_unique", "unique(session_id, enrolment_id)", "A trainee has one line per session."),
    ]

    @api.constrains("session_id", "enrolment_id")
    def _check_same_batch(self):
        for line in self:
            if line.session_id.batch_id != line.enrolment_id.batch_id:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s is not a trainee of batch %(batch)s.",
                        trainee=line.enrolment_id.partner_id.name,
                        batch=line.session_id.batch_id.name,
                    )
                )

    def action_mark_present(self):
        self.write({"status": "present"})

    def action_mark_late(self):
        self.write({"status": "late"})

    def action_mark_excused(self):
        self.write({"status": "excused"})

    def action_mark_absent(self):
        self.write({"status": "absent"})

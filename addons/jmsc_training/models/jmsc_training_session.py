from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import OFFICE_TZ
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.float_utils import float_round

# a centre without a time zone works on West Java's time
DEFAULT_TZ = OFFICE_TZ


def float_to_time(hours):
    minutes = int(float_round(hours * 60, precision_digits=0))
    if minutes >= 24 * 60:
        return time(23, 59)
    return time(minutes // 60, minutes % 60)


class JmscTrainingSession(models.Model):
    """One meeting of a batch: a date, hours and a room. Its form is the attendance sheet."""

    _name = "jmsc.training.session"
    _description = "Training Session"
    _order = "date, hour_start, id"

    batch_id = fields.Many2one("jmsc.training.batch", required=True, ondelete="cascade", index=True)
    programme_id = fields.Many2one(related="batch_id.programme_id", store=True)
    centre_id = fields.Many2one(related="batch_id.centre_id", store=True, index=True)
    trainer_ids = fields.Many2many(related="batch_id.trainer_ids", string="Trainers")
    batch_state = fields.Selection(related="batch_id.state", string="Batch Status")
    date = fields.Date(required=True, index=True)
    hour_start = fields.Float(string="Start Hour", required=True, default=8.0)
    hour_end = fields.Float(string="End Hour", required=True, default=12.0)
    datetime_start = fields.Datetime(compute="_compute_datetimes", store=True, string="Starts")
    datetime_end = fields.Datetime(compute="_compute_datetimes", store=True, string="Ends")
    room_id = fields.Many2one("jmsc.training.room", index=True)
    topic = fields.Char()
    attendance_ids = fields.One2many("jmsc.training.attendance", "session_id")
    attendance_taken = fields.Boolean(compute="_compute_attendance_summary")
    present_count = fields.Integer(compute="_compute_attendance_summary", string="Present")
    absent_count = fields.Integer(compute="_compute_attendance_summary", string="Absent")

    _sql_constraints = [
        ("hours_range", "CHECK(hour_start >= 0 AND hour_end <= 24)", "Session hours must be within the day."),
    ]

    @api.depends("date", "hour_start", "hour_end", "batch_id.centre_id.tz")
    def _compute_datetimes(self):
        for session in self:
            if not session.date:
                session.datetime_start = session.datetime_end = False
                continue
            tz = pytz.timezone(session.batch_id.centre_id.tz or DEFAULT_TZ)
            start = tz.localize(datetime.combine(session.date, float_to_time(session.hour_start)))
            end = tz.localize(datetime.combine(session.date, float_to_time(session.hour_end)))
            session.datetime_start = start.astimezone(pytz.utc).replace(tzinfo=None)
            session.datetime_end = end.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("attendance_ids.status")
    def _compute_attendance_summary(self):
        for session in self:
            statuses = session.attendance_ids.mapped("status")
            session.attendance_taken = bool(statuses)
            session.present_count = sum(1 for s in statuses if s in ("present", "late"))
            session.absent_count = statuses.count("absent")

    def _compute_display_name(self):
        for session in self:
            session.display_name = "%s %s %02d:%02d" % (
                session.batch_id.name or "",
                format_date(self.env, session.date) if session.date else "",
                *divmod(int(float_round(session.hour_start * 60, precision_digits=0)), 60),
            )

    @api.constrains("date", "batch_id")
    def _check_date_in_batch(self):
        for session in self:
            batch = session.batch_id
            if not batch.date_start <= session.date <= batch.date_end:
                raise ValidationError(
                    self.env._(
                        "Session of %(batch)s on %(date)s is outside the batch dates %(start)s - %(end)s.",
                        batch=batch.name,
                        date=session.date,
                        start=batch.date_start,
                        end=batch.date_end,
                    )
                )

    @api.constrains("date", "hour_start", "hour_end", "room_id")
    def _check_hours_and_conflicts(self):
        for session in self:
            if session.hour_end <= session.hour_start:
                raise ValidationError(
                    self.env._(
                        "Session of %(batch)s on %(date)s: the end hour is not after the start hour.",
                        batch=session.batch_id.name,
                        date=session.date,
                    )
                )
        self._check_conflicts()

    def _check_conflicts(self):
        """Refuse a room or trainer booked twice at overlapping times (one query for all sessions)."""
        if not self.ids:
            return
        self.env["jmsc.training.session"].flush_model()
        self.env["jmsc.training.batch"].flush_model(["state", "trainer_ids"])
        self.env.cr.execute(
            SQL(
                """
                SELECT s1.id, s2.id,
                       CASE WHEN s1.room_id IS NOT NULL AND s1.room_id = s2.room_id THEN 'room' ELSE 'trainer' END
                  FROM jmsc_training_session s1
                  JOIN jmsc_training_batch b1 ON b1.id = s1.batch_id
                  JOIN jmsc_training_session s2 ON s2.id != s1.id AND s2.date = s1.date
                   AND s2.hour_start < s1.hour_end AND s2.hour_end > s1.hour_start
                  JOIN jmsc_training_batch b2 ON b2.id = s2.batch_id
                 WHERE s1.id IN %s
                   AND b1.state != 'cancelled' AND b2.state != 'cancelled'
                   AND ((s1.room_id IS NOT NULL AND s1.room_id = s2.room_id)
                        OR EXISTS (SELECT 1
                                     FROM jmsc_training_batch_trainer_rel t1
                                     JOIN jmsc_training_batch_trainer_rel t2
                                       ON t2.trainer_id = t1.trainer_id
                                    WHERE t1.batch_id = s1.batch_id
                                      AND t2.batch_id = s2.batch_id))
                 LIMIT 1
                """,
                tuple(self.ids),
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            return
        session, other = self.browse(row[0]).sudo(), self.browse(row[1]).sudo()
        params = {
            "session": session.display_name,
            "other": other.display_name,
            "room": session.room_id.display_name,
        }
        if row[2] == "room":
            raise ValidationError(
                self.env._("Room %(room)s is double-booked: %(session)s overlaps %(other)s.", **params)
            )
        trainers = session.batch_id.trainer_ids & other.batch_id.trainer_ids
        params["trainer"] = ", ".join(trainers.mapped("name"))
        raise ValidationError(
            self.env._("Trainer %(trainer)s is double-booked: %(session)s overlaps %(other)s.", **params)
        )

    @api.model_create_multi
    def create(self, vals_list):
        batches = self.env["jmsc.training.batch"].browse(
            [vals["batch_id"] for vals in vals_list if vals.get("batch_id") and "room_id" not in vals]
        )
        for vals in vals_list:
            if "room_id" not in vals and vals.get("batch_id"):
                vals["room_id"] = batches.browse(vals["batch_id"]).room_id.id
        return super().create(vals_list)

    def _prepare_attendance(self):
        """Create a 'present' line for every enrolled trainee who has none yet (one insert)."""
        Attendance = self.env["jmsc.training.attendance"]
        enrolments = self.env["jmsc.training.enrolment"].search(
            [("batch_id", "in", self.batch_id.ids), ("state", "in", ("enrolled", "completed", "failed"))]
        )
        vals_list = []
        for session in self:
            done = set(session.attendance_ids.enrolment_id.ids)
            vals_list += [
                {"session_id": session.id, "enrolment_id": enrolment.id, "status": "present"}
                for enrolment in enrolments
                if enrolment.batch_id == session.batch_id and enrolment.id not in done
            ]
        return Attendance.create(vals_list)

    def action_open_attendance_sheet(self):
        self.ensure_one()
        if self.batch_id.state not in ("running", "done"):
            raise UserError(
                self.env._("Batch %s is not running: attendance is taken once it has started.", self.batch_id.name)
            )
        self._prepare_attendance()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attendance Sheet"),
            "res_model": "jmsc.training.session",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("jmsc_training.jmsc_training_session_view_form_attendance").id, "form")],
            "target": "current",
        }

    def action_mark_all_present(self):
        self._prepare_attendance()
        self.attendance_ids.write({"status": "present"})

    def action_open_score_entry(self):
        self.ensure_one()
        return self.batch_id.action_open_score_entry()

    @api.model
    def action_today_sessions(self):
        """Hari Ini: today's sessions, in the user's time zone (Asia/Jakarta by default).

        A trainer sees the sessions of the batches they teach (filter "My Sessions" on); centre staff see
        every session of their centre today, theirs or not (their record rule limits it to their centre).
        """
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_training.jmsc_training_session_action_today")
        context = {"search_default_filter_today": 1}
        if not self.env.user.has_group("jmsc_training.group_training_centre_staff"):
            context["search_default_filter_mine"] = 1
        action["context"] = context
        return action

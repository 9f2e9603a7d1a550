import datetime

from odoo import Command
from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestPerformance(TrainingCommon):
    def _session_with_trainees(self, count, day_offset):
        start = self.today + datetime.timedelta(days=60 + day_offset * 3)
        batch = self.create_batch(start=start, days=1, capacity=count)
        session = self.add_session(batch)
        migrants = self.env["res.partner"]
        for index in range(count):
            migrants |= self.create_migrant(f"Trainee {day_offset}-{index}", female=bool(index % 2))
        self.enrol(batch, migrants).action_enrol()
        batch.action_start()
        return session

    def _mark_sheet(self, session):
        """What the sheet does: open it (lines created), then save two absences."""
        session.action_open_attendance_sheet()
        absent = session.attendance_ids[:2]
        session.write({"attendance_ids": [Command.update(line.id, {"status": "absent"}) for line in absent]})
        self.env.flush_all()
        return absent

    def _count_queries(self, session):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        absent = self._mark_sheet(session)
        count = self.cr.sql_log_count - start
        self.assertEqual(absent.enrolment_id.mapped("attendance_rate"), [0.0, 0.0])
        return count

    def test_attendance_queries_do_not_grow_with_trainees(self):
        self._count_queries(self._session_with_trainees(3, 3))  # warm the caches
        small = self._count_queries(self._session_with_trainees(5, 0))
        large = self._count_queries(self._session_with_trainees(30, 1))
        self.assertEqual(small, large, "Marking attendance must not cost a query per trainee.")

    def test_attendance_query_budget_for_30_trainees(self):
        self._count_queries(self._session_with_trainees(3, 3))  # warm the caches
        session = self._session_with_trainees(30, 2)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            self._mark_sheet(session)
        self.assertEqual(len(session.attendance_ids), 30)
        self.assertEqual(session.absent_count, 2)

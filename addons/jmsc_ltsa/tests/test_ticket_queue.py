from datetime import date
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestTicketQueue(LtsaCommon):
    def test_numbering_per_category_and_day(self):
        issued = [self.site.issue_ticket(self.cat_a.id) for _i in range(3)]
        self.assertEqual([t["number"] for t in issued], [1, 2, 3])
        self.assertEqual([t["code"] for t in issued], ["TA-001", "TA-002", "TA-003"])
        other = self.site.issue_ticket(self.cat_b.id)
        self.assertEqual(other["code"], "TB-001", "each category counts on its own")
        self.assertEqual(self.site_cirebon.issue_ticket(self.cat_a.id)["number"], 1, "each site counts on its own")
        counter = self.env["jmsc.ltsa.ticket.counter"].search(
            [("site_id", "=", self.site.id), ("category_id", "=", self.cat_a.id)]
        )
        self.assertEqual(counter.last, 3)
        tomorrow = date(2030, 1, 2)
        with patch.object(type(self.site), "_local_today", lambda site: tomorrow):
            next_day = self.site.issue_ticket(self.cat_a.id)
        self.assertEqual(next_day["code"], "TA-001", "numbering restarts the next day")
        self.assertEqual(self.env["jmsc.ltsa.ticket"].browse(next_day["id"]).day, tomorrow)

    def test_duplicate_number_is_refused(self):
        ticket = self.env["jmsc.ltsa.ticket"].browse(self.site.issue_ticket(self.cat_a.id)["id"])
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["jmsc.ltsa.ticket"].create(
                {"site_id": self.site.id, "category_id": self.cat_a.id, "day": ticket.day, "number": ticket.number}
            )

    def test_issue_needs_a_desk_for_the_category(self):
        other = self.env["jmsc.ltsa.category"].create({"name": "Nobody serves", "prefix": "TZ"})
        with self.assertRaises(UserError):
            self.site.issue_ticket(other.id)

    def test_call_next_priority_then_oldest(self):
        Ticket = self.env["jmsc.ltsa.ticket"]
        first = Ticket.browse(self.site.issue_ticket(self.cat_a.id)["id"])
        second = Ticket.browse(self.site.issue_ticket(self.cat_a.id)["id"])
        elderly = Ticket.browse(self.site.issue_ticket(self.cat_a.id, priority="elderly")["id"])
        police = Ticket.browse(self.site.issue_ticket(self.cat_b.id)["id"])
        desk = self.desk_1.with_user(self.officer)
        self.assertEqual((desk.waiting_count, self.desk_2.waiting_count), (3, 4))
        self.assertEqual(desk.action_call_next(), elderly.name, "priority visitors first")
        self.assertEqual(elderly.state, "called")
        self.assertEqual(elderly.desk_id, self.desk_1)
        self.assertEqual(elderly.call_count, 1)
        with self.assertRaises(UserError):
            desk.action_call_next()
        desk.action_start()
        desk.action_finish()
        self.assertEqual(elderly.state, "done")
        self.assertEqual(desk.action_call_next(), first.name, "then the oldest ticket")
        self.assertEqual(self.desk_2.with_user(self.officer_2).action_call_next(), second.name)
        self.desk_2.action_start()
        self.desk_2.action_finish()
        self.assertEqual(self.desk_2.action_call_next(), police.name, "desk 2 also serves category B")
        self.assertEqual(self.desk_2.current_ticket_id, police)
        self.desk_1.invalidate_recordset(["waiting_count"])
        self.assertEqual(self.desk_1.waiting_count, 0)

    def test_no_show_after_calls(self):
        Ticket = self.env["jmsc.ltsa.ticket"]
        ticket = Ticket.browse(self.site.issue_ticket(self.cat_a.id)["id"])
        desk = self.desk_1.with_user(self.officer)
        desk.action_call_next()
        with self.assertRaises(UserError):
            desk.action_no_show()
        desk.action_recall()
        self.assertEqual(ticket.call_count, 2)
        desk.action_recall()
        self.assertEqual(ticket.state, "no_show", "past the site's limit of 2 calls the visitor is a no-show")
        self.assertFalse(self.desk_1.current_ticket_id)
        self.assertFalse(desk.action_call_next(), "empty queue")

    def test_two_desks_never_call_the_same_ticket(self):
        Ticket = self.env["jmsc.ltsa.ticket"]
        tickets = Ticket.browse([self.site.issue_ticket(self.cat_a.id)["id"] for _i in range(2)])
        called_1 = self.desk_1.with_user(self.officer).action_call_next()
        called_2 = self.desk_2.with_user(self.officer_2).action_call_next()
        self.assertEqual({called_1, called_2}, set(tickets.mapped("name")))
        self.assertEqual(tickets.desk_id, self.desk_1 | self.desk_2)
        self.assertFalse(self.desk_1._lock_next_ticket(), "called tickets are no longer in the queue")

    def test_issue_access(self):
        with self.assertRaises(AccessError):
            self.site.with_user(self.officer_cirebon).issue_ticket(self.cat_a.id)
        with self.assertRaises(AccessError):
            self.site.with_user(self.jmsc_user).issue_ticket(self.cat_a.id)
        self.assertTrue(self.site.with_user(self.officer).issue_ticket(self.cat_a.id)["code"])
        self.assertTrue(self.site.with_user(self.provincial).issue_ticket(self.cat_a.id)["code"])
        # A public kiosk issues through the kiosk page only (behind its rate limits), not through the RPC method.
        public_site = self.site_cirebon.with_user(self.env.ref("base.public_user")).sudo()
        with self.assertRaises(AccessError):
            public_site.issue_ticket(self.cat_a.id)
        self.assertTrue(public_site._kiosk_issue_ticket(self.cat_a.id)["code"])

    def test_times_are_the_sites_own(self):
        """A site works on its calendar's time zone (WITA here), else the office's (WIB), even with no site yet."""
        with freeze_time("2026-12-03 01:30:00"):
            self.calendar.tz = "Asia/Makassar"
            ticket = self.env["jmsc.ltsa.ticket"].browse(self.site.issue_ticket(self.cat_a.id)["id"])
            self.assertEqual(ticket.issued_time, "09:30 WITA")
            request = self._request(self.migrant, self.site, self.service_ak1)
            self.assertEqual(request._local_datetime(ticket.issued_date), "03/12/2026 09:30 WITA")
            self.assertEqual(self.env["jmsc.ltsa.ticket"]._local_time(ticket.issued_date), "08:30 WIB")

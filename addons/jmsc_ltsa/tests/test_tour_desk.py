from odoo.tests import HttpCase, tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestTourDesk(HttpCase, LtsaCommon):
    def test_officer_calls_serves_finishes_and_board_updates(self):
        self.authenticate(None, None)
        first = self.site.issue_ticket(self.cat_a.id)["code"]
        second = self.site.issue_ticket(self.cat_a.id)["code"]
        board_url = f"/jmsc/ltsa/{self.site.board_token}/board.json"
        desk_row = next(d for d in self.url_open(board_url).json()["desks"] if d["desk"] == self.desk_1.name)
        self.assertEqual(desk_row["ticket"], "")
        self.start_tour(
            "/odoo/action-jmsc_ltsa.jmsc_ltsa_desk_action_screen", "jmsc_ltsa_desk_tour", login="ltsa_t_officer"
        )
        tickets = self.env["jmsc.ltsa.ticket"].search([("site_id", "=", self.site.id)])
        self.assertEqual(tickets.filtered(lambda t: t.name == first).state, "done")
        self.assertEqual(tickets.filtered(lambda t: t.name == second).state, "called")
        desk_row = next(d for d in self.url_open(board_url).json()["desks"] if d["desk"] == self.desk_1.name)
        self.assertEqual((desk_row["ticket"], desk_row["state"]), (second, "called"), "the board shows the new call")

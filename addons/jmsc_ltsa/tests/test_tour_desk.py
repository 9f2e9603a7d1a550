from odoo.addons.jmsc_base.tests.common import JmscTourCase
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

    def test_public_kiosk_issues_and_board_shows_it(self):
        self.site.kiosk_mode = "public"
        self.start_tour(f"/jmsc/ltsa/{self.site.kiosk_token}/kiosk", "jmsc_ltsa_kiosk_tour", login=None)
        ticket = self.env["jmsc.ltsa.ticket"].search([("site_id", "=", self.site.id)])
        self.assertEqual((ticket.name, ticket.state), ("TA-001", "waiting"))
        self.desk_1.with_user(self.officer).action_call_next()
        self.start_tour(f"/jmsc/ltsa/{self.site.board_token}/board", "jmsc_ltsa_board_tour", login=None)


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestTourWalkIn(JmscTourCase):
    """As the demo officer of Indramayu, from the landing page (needs the demo data)."""

    def test_walk_in_identified_request_needs_documents_finished_printed(self):
        officer = self._demo_user("jmsc_ltsa.user_officer_indramayu_demo")
        site = self.env.ref("jmsc_ltsa.site_indramayu_demo")
        desk = self.env.ref("jmsc_ltsa.desk_indramayu_manpower_demo")
        home = officer.groups_id.filtered("jmsc_home_action_id").sorted("jmsc_home_priority")[:1].jmsc_home_action_id
        self.assertEqual(home.id, self.env.ref("jmsc_ltsa.jmsc_ltsa_desk_action_screen").id, "lands on My Desk")
        # Today's demo queue is served already: the walk-in is next.
        self.env["jmsc.ltsa.ticket"].search([("site_id", "=", site.id), ("state", "=", "waiting")]).write(
            {"state": "done"}
        )
        desk.sudo().write({"current_ticket_id": False})
        queue = self.env["jmsc.ltsa.category"].create({"name": "Tour queue", "prefix": "TQ"})
        desk.category_ids = [(4, queue.id)]
        migrant = self.env["res.partner"].create(
            {
                "name": "Wati Susanti",
                "is_migrant": True,
                "nik": "3212014404010008",
                "regency_id": site.regency_id.id,
            }
        )
        self.env["res.partner.id_number"].create(
            {"partner_id": migrant.id, "category_id": self.env.ref("jmsc_base.doc_type_ktp").id, "name": migrant.nik}
        )
        walk_in = self.env["jmsc.ltsa.ticket"].browse(
            site.issue_ticket(self.env.ref("jmsc_ltsa.category_registration").id)["id"]
        )
        self.start_tour(
            "/odoo/action-jmsc_ltsa.jmsc_ltsa_desk_action_screen", "jmsc_ltsa_walkin_tour", login=officer.login
        )
        self.assertEqual(walk_in.partner_id, migrant)
        self.assertEqual(walk_in.state, "done")
        request = walk_in.request_id
        self.assertEqual(request.step_ids.state, "needs_documents")
        self.assertEqual(request.step_ids.missing_doc_note_ids, self.env.ref("jmsc_base.doc_type_kk"))
        new_ticket = self.env["jmsc.ltsa.ticket"].search([("category_id", "=", queue.id)])
        self.assertEqual((new_ticket.name, new_ticket.state, new_ticket.partner_id), ("TQ-001", "done", migrant))
        self.assertEqual(desk.last_ticket_id, new_ticket)

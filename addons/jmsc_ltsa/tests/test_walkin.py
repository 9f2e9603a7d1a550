from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestWalkIn(LtsaCommon):
    """Issue #12: a walk-in is identified by NIK, gets a request, and Needs Documents asks and tells."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Contract 7: the officer has no email address; nothing may ask for one.
        cls.officer_noemail = new_test_user(
            cls.env, login="ltsa_t_noemail", groups="jmsc_ltsa.group_ltsa_officer", email=False
        )
        cls.desk_1.user_ids = [(4, cls.officer_noemail.id)]

    def _call_walk_in(self, user):
        self.site.issue_ticket(self.cat_a.id)
        desk = self.desk_1.with_user(user)
        desk.action_call_next()
        return desk

    def _wizard(self, desk, action):
        result = getattr(desk, action)()
        return Form(self.env[result["res_model"]].with_user(desk.env.user).with_context(**result["context"]))

    def test_identify_by_nik_start_request_needs_documents_then_finish(self):
        desk = self._call_walk_in(self.officer_noemail)
        ticket = desk.current_ticket_id
        self.assertFalse(ticket.partner_id)
        form = self._wizard(desk, "action_identify_visitor")
        form.nik = self.migrant.nik
        wizard = form.save()
        wizard.action_search()
        self.assertTrue(wizard.match)
        self.assertEqual(wizard.card_initials.replace(" ", ""), "S.T.M.")
        result = wizard.action_link()
        self.assertIn(ticket.name, result["params"]["message"])
        self.assertEqual(ticket.partner_id, self.migrant)
        # Start a request from the ticket: the SKCK needs a family card the migrant lacks.
        form = self._wizard(desk, "action_start_request")
        form.service_ids.add(self.service_skck)
        form.save().action_confirm()
        request = ticket.request_id
        self.assertEqual((request.state, ticket.step_id.service_id), ("in_progress", self.service_skck))
        self.assertEqual(ticket.step_id.state, "called")
        with self.assertRaisesRegex(UserError, "missing or expired"):
            desk.action_start()
        form = self._wizard(desk, "action_needs_documents")
        self.assertEqual(form.missing_doc_ids[:], self.doc_kk, "prefilled with what is missing")
        form.category_id = self.cat_a
        form.note = "Legalise the KK at Dukcapil"
        result = form.save().action_confirm()
        new_ticket = self.env["jmsc.ltsa.ticket"].search(
            [("site_id", "=", self.site.id), ("id", "!=", ticket.id), ("partner_id", "=", self.migrant.id)]
        )
        self.assertEqual(len(new_ticket), 1)
        self.assertIn(new_ticket.name, result["params"]["message"], "the officer is told the new ticket number")
        self.assertEqual(ticket.state, "done")
        self.assertEqual(ticket.step_id.state, "needs_documents")
        self.assertEqual(ticket.step_id.missing_doc_note_ids, self.doc_kk)
        self.assertFalse(desk.current_ticket_id)
        self.assertIn("Legalise the KK", request.message_ids[:1].body)
        # The visitor comes back through the new queue; Finish works without an email address.
        self.assertEqual(desk.action_call_next(), new_ticket.name)
        desk.action_start()
        desk.action_finish()
        self.assertEqual(new_ticket.state, "done")
        self.assertEqual(desk.last_ticket_id, new_ticket)
        self.assertEqual(desk.action_print_ticket()["report_name"], "jmsc_ltsa.report_ticket_receipt")

    def _search_unknown_nik(self):
        """A walk-in called at the officer's desk, identified by a NIK the registry does not know yet."""
        desk = self._call_walk_in(self.officer)
        form = self._wizard(desk, "action_identify_visitor")
        form.nik = "3212015708990007"
        wizard = form.save()
        wizard.action_search()
        return desk, wizard

    def test_register_a_new_calon_pmi(self):
        desk, wizard = self._search_unknown_nik()
        self.assertFalse(wizard.match)
        with self.assertRaisesRegex(UserError, "full name"):
            wizard.action_register()
        wizard.write({"name": "Wati Susanti", "regency_id": self.regency_indramayu.id})
        wizard.action_register()
        partner = desk.current_ticket_id.partner_id
        self.assertEqual(
            (partner.name, partner.is_migrant, partner.migration_stage), ("Wati Susanti", True, "prospective")
        )
        self.assertEqual(partner.with_user(self.officer).nik, "3212015708990007")

    def test_register_follows_the_registry_rules(self):
        desk, wizard = self._search_unknown_nik()
        wizard.write({"name": "Wati Susanti", "regency_id": False})
        with self.assertRaisesRegex(UserError, "regency or city"):
            wizard.action_register()
        # A NIK with month 13: the registry's NIK checks apply (at the look-up or at the registration).
        form = self._wizard(desk, "action_identify_visitor")
        form.nik = "3212014513000003"
        wizard = form.save()
        with self.assertRaises(UserError):  # ValidationError is a UserError
            wizard.action_search()
            wizard.write({"name": "Wati Susanti", "regency_id": self.regency_indramayu.id})
            wizard.action_register()
        self.assertFalse(desk.current_ticket_id.partner_id)
        self.assertFalse(self.env["res.partner"].search([("nik", "=", "3212014513000003")]))

    def test_needs_documents_without_new_queue_says_so(self):
        request = self._request(self.migrant, self.site, [self.service_skck])
        request.action_confirm()
        desk = self.desk_2.with_user(self.officer_2)
        desk.action_call_next()
        form = self._wizard(desk, "action_needs_documents")
        result = form.save().action_confirm()
        self.assertIn("new ticket when they return", result["params"]["message"])
        self.assertEqual(
            self.env["jmsc.ltsa.ticket"].search_count([("request_id", "=", request.id), ("state", "=", "waiting")]), 0
        )

    def test_identify_needs_a_called_ticket(self):
        with self.assertRaisesRegex(UserError, "no ticket in progress"):
            self.desk_1.with_user(self.officer).action_identify_visitor()

    def test_finish_without_email_posts_as_odoobot(self):
        """Contract 7: Selesai (Finish) by an officer without an email address issues and logs the document."""
        self.env["res.partner.id_number"].create(
            {"partner_id": self.migrant.id, "category_id": self.doc_kk.id, "name": "3212010101950001"}
        )
        request = self._request(self.migrant, self.site, [self.service_skck])
        request.action_confirm()
        self.desk_2.user_ids = [(4, self.officer_noemail.id)]
        desk = self.desk_2.with_user(self.officer_noemail)
        self.assertFalse(self.officer_noemail.email)
        desk.action_call_next()
        desk.action_start()
        desk.current_output_number = "SKCK/T/0042"
        desk.action_finish()
        self.assertEqual(request.state, "done")
        message = request.message_ids.filtered(lambda m: "SKCK/T/0042" in (m.body or ""))
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))

    def test_landing_pages_and_hub_button(self):
        officer_home = self.env.ref("jmsc_ltsa.group_ltsa_officer").jmsc_home_action_id
        supervisor_home = self.env.ref("jmsc_ltsa.group_ltsa_supervisor").jmsc_home_action_id
        self.assertEqual(officer_home.id, self.env.ref("jmsc_ltsa.jmsc_ltsa_desk_action_screen").id)
        self.assertEqual(supervisor_home.id, self.env.ref("jmsc_ltsa.jmsc_ltsa_desk_action_overview").id)
        # The actions work for those users: their views load and show their own desks.
        for user, xmlid in (
            (self.officer, "jmsc_ltsa.jmsc_ltsa_desk_action_screen"),
            (self.supervisor, "jmsc_ltsa.jmsc_ltsa_desk_action_overview"),
        ):
            act = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
            Desk = self.env[act["res_model"]].with_user(user)
            Desk.get_views([(view_id, mode) for view_id, mode in act["views"]])
            self.assertIn(self.desk_1, Desk.search([("site_id", "=", self.site.id)]))
            self.assertNotIn(self.desk_cirebon, Desk.search([]))
        # The migrant form (hub) shows the LTSA visits to the provincial officer, not to a plain internal user.
        form = self.env.ref("jmsc_base.res_partner_view_form_migrant")
        arch = (
            self.env["res.partner"].with_user(self.provincial).get_views([(form.id, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_view_ltsa_requests", arch)
        plain = new_test_user(self.env, login="ltsa_t_plain", groups="base.group_user")
        arch = self.env["res.partner"].with_user(plain).get_views([(form.id, "form")])["views"]["form"]["arch"]
        self.assertNotIn("action_view_ltsa_requests", arch)

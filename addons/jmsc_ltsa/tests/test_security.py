from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestSecurity(LtsaCommon):
    """Issue #11: tokens, rotation, write guards, numbering and the migrants an officer sees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = cls.env["res.users"].create(
            {
                "name": "Portal visitor",
                "login": "ltsa_t_portal_sec",
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )
        cls.admin_jmsc = new_test_user(cls.env, login="ltsa_t_admin", groups="jmsc_base.group_jmsc_admin")

    # Tokens and links -------------------------------------------------------------------------------
    def test_board_and_kiosk_tokens_differ(self):
        self.assertTrue(self.site.board_token and self.site.kiosk_token)
        self.assertNotEqual(self.site.board_token, self.site.kiosk_token)
        self.assertIn(self.site.kiosk_token, self.site.kiosk_url)
        self.assertNotIn(self.site.board_token, self.site.kiosk_url)

    def test_links_of_several_sites_read_at_once(self):
        """A list or an export of sites reads every site's links in one call."""
        sites = self.site | self.site_cirebon
        rows = sites.read(["board_url", "kiosk_url"])
        self.assertEqual(len(rows), 2)
        for site, row in zip(sites, rows, strict=True):
            self.assertTrue(row["board_url"].endswith(f"/jmsc/ltsa/{site.board_token}/board"))
            self.assertTrue(row["kiosk_url"].endswith(f"/jmsc/ltsa/{site.kiosk_token}/kiosk"))

    def test_only_site_managers_read_tokens_and_links(self):
        for user in (self.portal, self.officer, self.provincial):
            for fname in ("board_token", "kiosk_token", "board_url", "kiosk_url"):
                with self.subTest(user=user.login, field=fname), self.assertRaises(AccessError):
                    self.site.with_user(user).read([fname])
        self.assertTrue(self.site.with_user(self.supervisor).read(["kiosk_url"])[0]["kiosk_url"])
        self.assertTrue(self.site.with_user(self.admin_jmsc).read(["board_token"])[0]["board_token"])
        with self.assertRaises(AccessError):
            self.site.with_user(self.supervisor_cirebon).read(["board_token"])

    def test_rotating_tokens_needs_write_access_on_the_site(self):
        before = (self.site.board_token, self.site.kiosk_token)
        for user in (self.portal, self.officer, self.provincial, self.supervisor_cirebon, self.jmsc_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.site.with_user(user).action_regenerate_token()
        self.assertEqual((self.site.board_token, self.site.kiosk_token), before, "nothing rotated")
        self.site.with_user(self.supervisor).action_regenerate_token()
        self.assertNotEqual(self.site.board_token, before[0])
        self.assertNotEqual(self.site.kiosk_token, before[1])
        self.assertNotEqual(self.site.board_token, self.site.kiosk_token)

    # Numbering --------------------------------------------------------------------------------------
    def test_create_without_site_is_a_clear_message(self):
        with self.assertRaisesRegex(ValidationError, "site and a service category"):
            self.env["jmsc.ltsa.ticket"].create({})
        with self.assertRaisesRegex(ValidationError, "site and a service category"):
            self.env["jmsc.ltsa.ticket"].with_user(self.officer).create({"category_id": self.cat_a.id})

    def test_officer_cannot_choose_number_or_day(self):
        Ticket = self.env["jmsc.ltsa.ticket"].with_user(self.officer)
        with self.assertRaisesRegex(UserError, "desk buttons only"):
            Ticket.create({"site_id": self.site.id, "category_id": self.cat_a.id, "number": 7})
        with self.assertRaisesRegex(UserError, "desk buttons only"):
            Ticket.create({"site_id": self.site.id, "category_id": self.cat_a.id, "day": "2030-01-01"})
        ticket = Ticket.create({"site_id": self.site.id, "category_id": self.cat_a.id})
        self.assertEqual(ticket.number, 1, "numbered by the counter")
        for vals in ({"number": 2}, {"day": "2030-01-01"}, {"state": "done"}, {"priority_state": "confirmed"},
                     {"partner_id": self.migrant.id}, {"call_count": 9}):  # fmt: skip
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "desk buttons only"):
                ticket.write(vals)
        self.assertEqual(self.site.issue_ticket(self.cat_a.id)["number"], 2, "the counter did not collide")

    # Write guards -----------------------------------------------------------------------------------
    def test_state_fields_change_only_through_buttons(self):
        request = self._request(self.migrant, self.site, [self.service_ak1])
        request.action_confirm()
        step = request.step_ids
        as_officer = self.officer
        for record, vals in (
            (request, {"state": "done"}),
            (request, {"sla_state": "on_track"}),
            (step, {"state": "done"}),
            (step, {"finished_date": "2026-01-01 00:00:00"}),
            (step, {"issued_document_id": False}),
            (self.desk_1, {"current_ticket_id": request.ticket_ids.id}),
        ):
            with self.subTest(model=record._name, vals=vals), self.assertRaisesRegex(UserError, "desk buttons only"):
                record.with_user(as_officer).write(vals)
        # Through the buttons, the same officer moves them.
        self.desk_1.with_user(as_officer).action_call_next()
        self.desk_1.with_user(as_officer).action_start()
        self.desk_1.with_user(as_officer).action_finish()
        self.assertEqual((step.state, request.state), ("done", "done"))

    def test_guard_context_cannot_be_forged_from_rpc(self):
        ticket = self.env["jmsc.ltsa.ticket"].create({"site_id": self.site.id, "category_id": self.cat_a.id})
        forged = ticket.with_user(self.officer).with_context(jmsc_ltsa_guarded_write=True)
        with self.assertRaisesRegex(UserError, "desk buttons only"):
            forged.write({"number": 99})

    # Kiosk priority ---------------------------------------------------------------------------------
    def test_declared_priority_is_confirmed_by_the_calling_officer(self):
        declared = self.site_cirebon._kiosk_issue_ticket(self.cat_a.id, priority="elderly")
        ticket = self.env["jmsc.ltsa.ticket"].browse(declared["id"])
        self.assertEqual((ticket.priority_state, ticket.is_priority), ("declared", True))
        desk = self.desk_cirebon.with_user(self.officer_cirebon)
        desk.action_call_next()
        with self.assertRaisesRegex(UserError, "confirm or clear"):
            desk.action_start()
        with self.assertRaises(AccessError):
            self.desk_cirebon.with_user(self.officer).action_clear_priority()
        desk.action_clear_priority()
        self.assertEqual((ticket.priority_state, ticket.is_priority), ("cleared", False))
        desk.action_start()
        self.assertEqual(ticket.state, "serving")
        officer_ticket = self.site.with_user(self.officer).issue_ticket(self.cat_a.id, priority="pregnant")
        self.assertEqual(self.env["jmsc.ltsa.ticket"].browse(officer_ticket["id"]).priority_state, "confirmed")

    def test_public_issuing_goes_through_the_kiosk_only(self):
        with self.assertRaises(AccessError):
            self.site_cirebon.with_user(self.portal).issue_ticket(self.cat_a.id)
        with self.assertRaises(AccessError):
            self.site_cirebon.with_user(self.jmsc_user).issue_ticket(self.cat_a.id)

    def test_daily_cap_per_site_and_category(self):
        self.site_cirebon.daily_cap = 2
        self.site_cirebon._kiosk_issue_ticket(self.cat_a.id)
        self.site_cirebon._kiosk_issue_ticket(self.cat_a.id)
        with self.assertRaisesRegex(UserError, "full for today"):
            self.site_cirebon._kiosk_issue_ticket(self.cat_a.id)
        self.assertEqual(self.site_cirebon._kiosk_issue_ticket(self.cat_b.id)["number"], 1, "per category")
        counter = self.env["jmsc.ltsa.ticket.counter"].search(
            [("site_id", "=", self.site_cirebon.id), ("category_id", "=", self.cat_a.id)]
        )
        self.assertEqual(counter.last, 2, "a refused ticket takes no number")

    # Migrants an officer sees -----------------------------------------------------------------------
    def test_officer_sees_only_migrants_served_at_their_site(self):
        Partner = self.env["res.partner"].with_user(self.officer)
        both = self.migrant | self.migrant_cirebon
        self.assertFalse(Partner.search([("id", "in", both.ids)]), "no regency-wide reading any more")
        ticket = self.env["jmsc.ltsa.ticket"].browse(self.site.issue_ticket(self.cat_a.id)["id"])
        self.desk_1.with_user(self.officer).action_call_next()
        ticket.sudo()._guarded_write({"partner_id": self.migrant.id})
        self.assertEqual(Partner.search([("id", "in", both.ids)]), self.migrant)
        self.assertEqual(self.migrant.with_user(self.officer).nik, self.migrant.nik, "verifies the KTP at the desk")
        docs = self.env["res.partner.id_number"].with_user(self.officer).search([("partner_id", "in", both.ids)])
        self.assertEqual(docs.partner_id, self.migrant)
        with self.assertRaises(AccessError):
            self.migrant.with_user(self.officer).write({"name": "Changed"})

    def test_request_cannot_open_an_unseen_migrant(self):
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.request"].with_user(self.officer).create(
                {"partner_id": self.migrant_cirebon.id, "site_id": self.site.id}
            )
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.ticket"].with_user(self.officer).create(
                {"site_id": self.site.id, "category_id": self.cat_a.id, "partner_id": self.migrant_cirebon.id}
            )

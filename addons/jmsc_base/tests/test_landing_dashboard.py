from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestLanding(JmscBaseCommon):
    """Each role lands on its home action; an action chosen by hand is kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.regency_dashboard = cls.env.ref("jmsc_base.jmsc_regency_action_dashboard")
        cls.province_dashboard = cls.env.ref("jmsc_base.jmsc_regency_action_dashboard_province")
        cls.discuss = cls.env.ref("mail.action_discuss")
        Actions = cls.env["ir.actions.actions"]
        cls.regency_action = Actions.browse(cls.regency_dashboard.id)
        cls.province_action = Actions.browse(cls.province_dashboard.id)
        cls.discuss_action = Actions.browse(cls.discuss.id)

    def test_roles_land_on_their_dashboard(self):
        self.assertEqual(self.user_jmsc.action_id, self.regency_action)
        self.assertEqual(self.user_regency.action_id, self.regency_action)
        for user in (self.user_provincial, self.user_manager, self.user_admin):
            with self.subTest(user=user.login):
                self.assertEqual(user.action_id, self.province_action)
        self.assertFalse(self.user_portal.action_id)

    def test_landing_follows_group_changes(self):
        user = new_test_user(self.env, login="jmsc_plain", groups="base.group_user")
        self.assertFalse(user.action_id)
        user.write({"groups_id": [(4, self.env.ref("jmsc_base.group_jmsc_regency_officer").id)]})
        self.assertEqual(user.action_id, self.regency_action)
        # Through the group side (users added to a group) as well.
        self.env.ref("jmsc_base.group_jmsc_provincial_officer").write({"users": [(4, user.id)]})
        self.assertEqual(user.action_id, self.province_action)
        user.write({"groups_id": [(3, self.env.ref("jmsc_base.group_jmsc_provincial_officer").id)]})
        self.assertEqual(user.action_id, self.regency_action)

    def test_lowest_priority_wins_and_group_changes_apply(self):
        group = self.env["res.groups"].create({"name": "Test specialised role", "users": [(4, self.user_regency.id)]})
        self.assertEqual(self.user_regency.action_id, self.regency_action)
        group.write({"jmsc_home_action_id": self.discuss.id, "jmsc_home_priority": 10})
        self.assertEqual(self.user_regency.action_id, self.discuss_action)
        group.jmsc_home_priority = 500
        self.assertEqual(self.user_regency.action_id, self.regency_action)

    def test_hand_set_action_is_kept(self):
        self.user_regency.action_id = self.discuss_action
        self.assertTrue(self.user_regency.jmsc_home_action_manual)
        self.user_regency.write({"groups_id": [(4, self.env.ref("jmsc_base.group_jmsc_provincial_officer").id)]})
        self.assertEqual(self.user_regency.action_id, self.discuss_action)
        # Clearing it hands the choice back to the roles.
        self.user_regency.action_id = False
        self.assertFalse(self.user_regency.jmsc_home_action_manual)
        self.assertEqual(self.user_regency.action_id, self.province_action)

    def test_demo_users_do_not_land_in_discuss(self):
        """Every active internal demo user of a JMSC module has a landing page, and it is not Discuss."""
        data = self.env["ir.model.data"].search([("model", "=", "res.users"), ("module", "=like", "jmsc\\_%")])
        users = self.env["res.users"].browse(data.mapped("res_id")).filtered(lambda u: u.active and not u.share)
        problems = [
            f"{user.login} ({self._module_of_user(user)}): {problem}"
            for user in users
            for problem, failed in (
                ("no landing page", not user.action_id),
                ("lands in Discuss", user.action_id == self.discuss_action),
                ("no email", not user.email),
                (f"time zone {user.tz}", user.tz != "Asia/Jakarta"),
            )
            if failed
        ]
        self.assertFalse(problems, "demo users:\n" + "\n".join(problems))

    def _module_of_user(self, user):
        return (user.get_external_id().get(user.id) or "?").split(".")[0]

    def test_user_form_shows_agency_regencies_and_roles(self):
        self.assertEqual(self.user_regency.jmsc_role_ids, self.env.ref("jmsc_base.group_jmsc_regency_officer"))
        self.assertEqual(self.user_admin.jmsc_role_ids, self.env.ref("jmsc_base.group_jmsc_admin"))
        form = self.env.ref("base.view_users_form")
        arch = self.env["res.users"].get_views([(form.id, "form")])["views"]["form"]["arch"]
        for fname in ("jmsc_agency_id", "jmsc_regency_ids", "jmsc_role_ids"):
            self.assertIn(f'name="{fname}"', arch)


@tagged("post_install", "-at_install")
class TestDashboard(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ani = cls._create_migrant("Ani Suryani", "3212014506950001")
        cls.budi = cls._create_migrant("Budi Santoso", "3212011203900002")
        cls.cici = cls._create_migrant("Cici Cirebon", "3209014506950003", regency=cls.regency_cirebon)
        cls.budi.migration_stage = "abroad"
        cls.env["jmsc.placement"].create(
            {
                "partner_id": cls.budi.id,
                "country_id": cls.env.ref("base.tw").id,
                "sector": "manufacturing",
                "state": "active",
                "departure_date": cls.today,
            }
        )
        cls._add_document(cls.ani, "jmsc_base.doc_type_passport", "C1234567", cls.today + relativedelta(days=30))
        cls._add_document(cls.budi, "jmsc_base.doc_type_passport", "C7654321", cls.today - relativedelta(days=3))
        cls._add_document(cls.cici, "jmsc_base.doc_type_passport", "C1111111", cls.today + relativedelta(days=10))

    def test_regency_officer_counts_only_their_regency(self):
        Regency = self.env["jmsc.regency"].with_user(self.user_regency)
        regencies = Regency.search([("jmsc_is_mine", "=", True)])
        self.assertEqual(regencies, self.regency_indramayu)
        mine = regencies.with_user(self.user_regency)
        # The demo migrants may add to these counts: compare against what the officer can see.
        visible = (
            self.env["res.partner"]
            .with_user(self.user_regency)
            .search_count([("is_migrant", "=", True), ("regency_id", "=", self.regency_indramayu.id)])
        )
        self.assertEqual(mine.jmsc_migrant_count, visible)
        self.assertGreaterEqual(mine.jmsc_prospective_count, 1)
        self.assertGreaterEqual(mine.jmsc_abroad_count, 1)
        self.assertGreaterEqual(mine.jmsc_expiring_document_count, 1)
        self.assertGreaterEqual(mine.jmsc_expired_document_count, 1)
        self.assertGreaterEqual(mine.jmsc_departure_month_count, 1)
        # Cirebon's migrant counts for nobody in Indramayu.
        cirebon = self.regency_cirebon.with_user(self.user_regency)
        self.assertEqual(cirebon.jmsc_migrant_count, 0)
        self.assertEqual(cirebon.jmsc_expiring_document_count, 0)

    def test_counts_open_the_lists_behind_them(self):
        regency = self.regency_indramayu.with_user(self.user_regency)
        action = regency.action_jmsc_open_abroad()
        found = self.env[action["res_model"]].with_user(self.user_regency).search(action["domain"])
        self.assertIn(self.budi, found)
        self.assertNotIn(self.ani, found)
        self.assertEqual(len(found), regency.jmsc_abroad_count)
        action = regency.action_jmsc_open_expiring_documents()
        documents = self.env[action["res_model"]].with_user(self.user_regency).search(action["domain"])
        self.assertIn(self.ani, documents.partner_id)
        self.assertEqual(len(documents), regency.jmsc_expiring_document_count)
        action = regency.action_jmsc_open_departures()
        placements = self.env[action["res_model"]].with_user(self.user_regency).search(action["domain"])
        self.assertIn(self.budi, placements.partner_id)
        self.assertEqual(len(placements), regency.jmsc_departure_month_count)

    def test_provincial_dashboard_lists_regencies_with_migrants(self):
        Regency = self.env["jmsc.regency"].with_user(self.user_provincial)
        with_migrants = Regency.search([("jmsc_migrant_count", ">", 0)])
        self.assertIn(self.regency_indramayu, with_migrants)
        self.assertIn(self.regency_cirebon, with_migrants)
        self.assertEqual(Regency.search([("jmsc_is_mine", "=", True)]), Regency.search([]))
        totals = Regency.jmsc_dashboard_totals()
        self.assertEqual(
            totals["jmsc_migrant_count"],
            self.env["res.partner"].search_count([("is_migrant", "=", True), ("regency_id", "!=", False)]),
        )

    def test_migrant_form_hub_counts(self):
        self.env["jmsc.consent"].create({"partner_id": self.ani.id})
        relative = self.env["res.partner"].create({"name": "Karsih"})
        self.env["jmsc.family.member"].create(
            {"partner_id": self.ani.id, "member_id": relative.id, "relation": "mother"}
        )
        ani = self.ani.with_user(self.user_regency)
        # Two documents: the one of the set-up and the KTP that holds the NIK (one NIK).
        self.assertEqual((ani.document_count, ani.family_member_count, ani.consent_count), (2, 1, 1))
        action = ani.action_view_family_members()
        self.assertEqual(
            self.env[action["res_model"]].with_user(self.user_regency).search(action["domain"]).member_id, relative
        )
        action = ani.action_view_consents()
        self.assertEqual(len(self.env[action["res_model"]].with_user(self.user_regency).search(action["domain"])), 1)
        arch = self.env["res.partner"].get_views([(self.env.ref("jmsc_base.res_partner_view_form_migrant").id, "form")])
        arch = arch["views"]["form"]["arch"]
        self.assertIn('name="button_box"', arch)
        for fname in ("document_count", "placement_count", "family_member_count", "consent_count"):
            self.assertIn(f'name="{fname}"', arch)


@tagged("post_install", "-at_install")
class TestAgencyApplyPreview(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency_type = cls.env["jmsc.agency.type"].create({"name": "Test LSP", "code": "test_lsp"})
        cls.agency = cls.env["res.partner"].create(
            {"name": "LSP Test", "is_company": True, "agency_type_id": cls.agency_type.id}
        )
        cls.staff = new_test_user(cls.env, login="lsp_staff", groups="base.group_user", jmsc_agency_id=cls.agency.id)
        cls.group_user = cls.env.ref("jmsc_base.group_jmsc_user")
        cls.group_regency = cls.env.ref("jmsc_base.group_jmsc_regency_officer")

    def test_preview_lists_gains_and_losses_before_applying(self):
        self.agency_type.group_ids = self.group_regency
        action = self.agency_type.with_user(self.user_admin).action_preview_apply_to_users()
        wizard = self.env[action["res_model"]].with_user(self.user_admin).browse(action["res_id"])
        self.assertEqual(action["target"], "new")
        self.assertEqual(
            [(line.user_id, line.change, line.group_id) for line in wizard.line_ids],
            [(self.staff, "gain", self.group_regency)],
        )
        # Nothing changed yet: the preview only shows.
        self.assertFalse(self.staff.has_group("jmsc_base.group_jmsc_regency_officer"))
        wizard.action_apply()
        self.assertTrue(self.staff.has_group("jmsc_base.group_jmsc_regency_officer"))
        self.assertEqual(
            self.staff.action_id,
            self.env["ir.actions.actions"].browse(self.env.ref("jmsc_base.jmsc_regency_action_dashboard").id),
        )
        # Narrow the type down to read-only: the preview says which role is lost.
        self.agency_type.group_ids = self.group_user
        action = self.agency_type.with_user(self.user_admin).action_preview_apply_to_users()
        wizard = self.env[action["res_model"]].with_user(self.user_admin).browse(action["res_id"])
        self.assertEqual({(line.change, line.group_id) for line in wizard.line_ids}, {("lose", self.group_regency)})
        self.assertEqual(wizard.user_count, 1)

    def test_only_admins_preview(self):
        for user in (self.user_regency, self.user_provincial, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.agency_type.with_user(user).action_preview_apply_to_users()

    def test_agency_screen(self):
        """The agency list shows the current licence (number, validity, state) read from its licence records."""
        self.env["jmsc.agency.licence"].create(
            {
                "partner_id": self.agency.id,
                "name": "KEP.123/LSP/2025",
                "expiry_date": self.today + relativedelta(years=1),
            }
        )
        self.assertEqual(self.agency.agency_user_count, 1)
        self.assertEqual(self.agency.jmsc_agency_licence_number, "KEP.123/LSP/2025")
        self.assertEqual(self.agency.jmsc_agency_licence_state, "valid")
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.res_partner_action_agency")
        views = dict((view_type, view_id) for view_id, view_type in action["views"])
        arch = self.env["res.partner"].get_views([(views["list"], "list")])["views"]["list"]["arch"]
        for fname in (
            "agency_type_id",
            "regency_id",
            "jmsc_agency_licence_number",
            "jmsc_agency_licence_until",
            "jmsc_agency_licence_state",
            "agency_user_count",
        ):
            self.assertIn(f'name="{fname}"', arch)
        self.assertNotIn("editable", arch)
        self.assertNotIn("user_id", arch)  # no salesperson column
        form = Form(self.agency.with_user(self.user_admin), view="jmsc_base.res_partner_view_form_agency")
        with form.jmsc_agency_licence_ids.edit(0) as line:
            line.expiry_date = self.today
        form.save()
        self.assertEqual(self.agency.jmsc_agency_licence_until, self.today)
        self.assertEqual(self.agency.jmsc_agency_licence_state, "expiring")

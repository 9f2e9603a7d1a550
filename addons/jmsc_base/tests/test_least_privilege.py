"""Least privilege on the migrant registry (readme/SECURITY.md), on data built here, not on demo data."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestLeastPrivilege(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.user_internal = new_test_user(cls.env, login="jmsc_plain_internal", groups="base.group_user")
        cls.mine = cls._create_migrant("Ani Suryani", "3212014506950001")
        cls.other = cls._create_migrant("Budi Cirebon", "3209011203900002", regency=cls.regency_cirebon)
        cls.relative_mine = Partner.create({"name": "Suami Ani", "mobile": "+6281311112222"})
        cls.relative_other = Partner.create({"name": "Ibu Budi"})
        cls.ordinary = Partner.create({"name": "Dinas Tenaga Kerja", "is_company": True})
        cls.family = cls.env["jmsc.family.member"].create(
            [
                {"partner_id": cls.mine.id, "member_id": cls.relative_mine.id, "relation": "spouse"},
                {"partner_id": cls.other.id, "member_id": cls.relative_other.id, "relation": "mother"},
            ]
        )
        passport = "jmsc_base.doc_type_passport"
        cls.doc_mine = cls._add_document(cls.mine, passport, "C1110001")
        cls.doc_other = cls._add_document(cls.other, passport, "C2220002")
        cls.doc_relative_mine = cls._add_document(cls.relative_mine, passport, "C3330003")
        cls.doc_relative_other = cls._add_document(cls.relative_other, passport, "C4440004")
        cls.doc_ordinary = cls._add_document(cls.ordinary, passport, "C5550005")
        cls.people = cls.mine | cls.other | cls.relative_mine | cls.relative_other | cls.ordinary
        cls.documents = cls.doc_mine | cls.doc_other | cls.doc_relative_mine | cls.doc_relative_other | cls.doc_ordinary
        cls.placements = cls.env["jmsc.placement"].create(
            [
                {"partner_id": p.id, "country_id": cls.env.ref("base.tw").id, "sector": "caregiver"}
                for p in cls.mine | cls.other
            ]
        )
        cls.consents = cls.env["jmsc.consent"].create([{"partner_id": p.id} for p in cls.mine | cls.other])

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    # --- who sees whom ---------------------------------------------------------------------------------------

    def test_relative_flag_follows_family_links(self):
        self.assertTrue(self.relative_mine.jmsc_is_relative)
        self.assertFalse(self.ordinary.jmsc_is_relative)
        self.assertFalse(self.mine.jmsc_is_relative)
        cousin = self.env["res.partner"].create({"name": "Sepupu"})
        link = self.env["jmsc.family.member"].create(
            {"partner_id": self.mine.id, "member_id": cousin.id, "relation": "other"}
        )
        self.assertTrue(cousin.jmsc_is_relative)
        link.unlink()
        self.assertFalse(cousin.jmsc_is_relative)
        # A relative of a contact who is not a migrant is an ordinary contact.
        self.env["jmsc.family.member"].create(
            {"partner_id": self.ordinary.id, "member_id": cousin.id, "relation": "other"}
        )
        self.assertFalse(cousin.jmsc_is_relative)

    def test_visibility_per_group(self):
        regency_people = self.mine | self.relative_mine | self.ordinary
        regency_documents = self.doc_mine | self.doc_relative_mine | self.doc_ordinary
        expected = {
            self.user_internal: (self.ordinary, self.doc_ordinary),
            self.user_jmsc: (regency_people, regency_documents),
            self.user_regency: (regency_people, regency_documents),
            self.user_provincial: (self.people, self.documents),
            self.user_manager: (self.people, self.documents),
            self.user_admin: (self.people, self.documents),
        }
        for user, (people, documents) in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, self.people), people)
                self.assertEqual(self._visible(user, self.documents), documents)
        for user in (self.user_jmsc, self.user_regency):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, self.family).partner_id, self.mine)
                self.assertEqual(self._visible(user, self.placements).partner_id, self.mine)
                self.assertEqual(self._visible(user, self.consents).partner_id, self.mine)
                history = (self.mine | self.other).stage_history_ids
                self.assertEqual(self._visible(user, history).partner_id, self.mine)
                with self.assertRaises(AccessError):
                    self.relative_other.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.doc_relative_other.with_user(user).read(["name"])

    def test_plain_internal_user_sees_no_migrant_data(self):
        user = self.user_internal
        for record in (self.mine, self.relative_mine, self.doc_mine, self.doc_relative_other):
            with self.subTest(record=record), self.assertRaises(AccessError):
                record.with_user(user).read(["display_name"])
        self.assertFalse(self.env["res.partner"].with_user(user).search([("is_migrant", "=", True)]))
        self.assertFalse(self.env["res.partner"].with_user(user).search([("jmsc_is_relative", "=", True)]))
        access = self.env["ir.model.access"].with_user(user)
        for model in ("jmsc.placement", "jmsc.consent", "jmsc.family.member", "jmsc.stage.history"):
            with self.subTest(model=model):
                self.assertFalse(access.check(model, "read", raise_exception=False))
        # Own partner stays readable even if the user is related to a migrant.
        self.env["jmsc.family.member"].create(
            {"partner_id": self.mine.id, "member_id": user.partner_id.id, "relation": "sibling"}
        )
        self.assertEqual(user.partner_id.with_user(user).read(["name"])[0]["name"], user.name)

    def test_portal_account_of_a_migrant_hidden_from_internal_users(self):
        migrant_user = new_test_user(self.env, login="jmsc_portal_migrant", groups="base.group_portal")
        self.env["jmsc.consent"].create({"partner_id": migrant_user.partner_id.id, "purpose": "portal"})
        migrant_user.partner_id.write({"is_migrant": True, "regency_id": self.regency_cirebon.id})
        for user in (self.user_internal, self.user_jmsc, self.user_regency):
            with self.subTest(user=user.login):
                self.assertFalse(self._visible(user, migrant_user))
                with self.assertRaises(AccessError):
                    migrant_user.with_user(user).read(["name"])
        self.assertEqual(self._visible(self.user_provincial, migrant_user), migrant_user)
        self.assertEqual(self._visible(self.user_internal, self.user_regency), self.user_regency)

    def test_identity_group_alone_grants_no_migrant(self):
        identity_only = new_test_user(self.env, login="jmsc_identity_only", groups="jmsc_base.group_jmsc_identity")
        self.assertEqual(self._visible(identity_only, self.people), self.ordinary)
        self.assertEqual(self._visible(identity_only, self.documents), self.doc_ordinary)

    def test_portal_user_reads_only_own(self):
        portal = self.user_portal
        self.assertFalse(self._visible(portal, self.people))
        self.assertFalse(self._visible(portal, self.placements))
        self.assertFalse(self._visible(portal, self.consents))
        self.assertFalse(self.env["ir.model.access"].with_user(portal).check("res.partner.id_number", "read", False))

    def test_sensitive_fields(self):
        for user in (self.user_internal, self.user_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.ordinary.with_user(user).read(["nik"])
        self.mine.with_user(self.user_jmsc).read(["nik", "kk_number", "religion"])
        for user in (self.user_jmsc, self.user_regency, self.user_provincial):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.mine.with_user(user).read(["health_notes"])
        self.mine.with_user(self.user_manager).read(["health_notes"])

    def test_linking_a_person_one_cannot_read_is_refused(self):
        officer = self.user_regency
        Family = self.env["jmsc.family.member"].with_user(officer)
        for stranger in (self.relative_other, self.other):
            with self.subTest(stranger=stranger.name), self.assertRaises(AccessError):
                Family.create({"partner_id": self.mine.id, "member_id": stranger.id, "relation": "other"})
        link = Family.search([("partner_id", "=", self.mine.id)])
        with self.assertRaises(AccessError):
            link.write({"member_id": self.relative_other.id})
        self.assertFalse(self._visible(officer, self.relative_other))
        # A new relative registered by the officer stays visible to them, and to nobody without a reason.
        child = self.env["res.partner"].with_user(officer).create({"name": "Anak Ani"})
        Family.create({"partner_id": self.mine.id, "member_id": child.id, "relation": "child"})
        self.assertTrue(child.jmsc_is_relative)
        self.assertEqual(self._visible(officer, child), child)
        self.assertFalse(self._visible(self.user_internal, child))

    # --- the minimal card ------------------------------------------------------------------------------------

    def test_migrant_card_gives_only_the_card(self):
        Partner = self.env["res.partner"].with_user(self.user_internal)
        card = Partner.jmsc_migrant_card("3212 0145 0695 0001")
        self.assertEqual(
            card, {"match": True, "partner_id": self.mine.id, "initials": "A. S.", "regency": "Kab. Indramayu"}
        )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_internal).read(["name"])
        self.assertEqual(Partner.jmsc_migrant_card("3209011203900002")["regency"], "Kab. Cirebon")
        self.assertEqual(
            Partner.jmsc_migrant_card("3212014506950099"),
            {"match": False, "partner_id": False, "initials": "", "regency": ""},
        )
        # A relative's or an ordinary contact's NIK is no migrant.
        self.relative_mine.nik = "3212015008700003"
        self.assertFalse(Partner.jmsc_migrant_card("3212015008700003")["match"])

    def test_migrant_card_validates_the_nik(self):
        Partner = self.env["res.partner"].with_user(self.user_internal)
        for bad, reason in (
            ("12345", "16 digits"),
            ("３２１２０１４５０６９５０００１", "0-9"),
            (None, "16 digits"),
            ("3299014506950001", "regency code 32.99"),
        ):
            with self.subTest(nik=bad), self.assertRaisesText(UserError, reason):
                Partner.jmsc_migrant_card(bad)
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_portal).jmsc_migrant_card("3212014506950001")

    # --- write guards ----------------------------------------------------------------------------------------

    def test_stage_changes_only_through_the_buttons(self):
        officer_mine = self.mine.with_user(self.user_regency)
        with self.assertRaisesText(UserError, "stage buttons"):
            officer_mine.write({"migration_stage": "cancelled"})
        # A context key sent over JSON-RPC cannot open the guard.
        with self.assertRaisesText(UserError, "stage buttons"):
            officer_mine.with_context(jmsc_base_write_guard=True).write({"migration_stage": "cancelled"})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_jmsc).action_stage_cancelled()
        officer_mine.action_stage_cancelled()
        self.assertEqual(self.mine.migration_stage, "cancelled")
        self.assertEqual(self.mine.stage_history_ids[:1].user_id, self.user_regency)
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_regency).action_stage_cancelled()

    def test_new_migrant_ready_needs_documents(self):
        Partner = self.env["res.partner"].with_user(self.user_regency)
        with self.assertRaisesText(UserError, "missing or expired"):
            Partner.create(
                {
                    "name": "Siap",
                    "is_migrant": True,
                    "regency_id": self.regency_indramayu.id,
                    "migration_stage": "ready",
                }
            )
        returned = Partner.create(
            {
                "name": "Purna",
                "is_migrant": True,
                "regency_id": self.regency_indramayu.id,
                "migration_stage": "returned",
            }
        )
        self.assertEqual(returned.stage_history_ids.stage_to, "returned")

    def test_flags_are_guarded(self):
        for user in (self.user_regency, self.user_manager):
            for vals in (
                {"is_anonymized": True},
                {"anonymized_date": "2026-01-01 00:00:00"},
                {"has_active_consent": False},
                {"current_placement_id": self.placements[0].id},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    self.mine.with_user(user).write(vals)
            with self.subTest(user=user.login), self.assertRaisesText(UserError, "cannot be changed directly"):
                self.relative_mine.with_user(user).write({"jmsc_is_relative": False})
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.user_regency).create(
                {"name": "X", "is_migrant": True, "regency_id": self.regency_indramayu.id, "is_anonymized": True}
            )
        self.assertTrue(self.relative_mine.jmsc_is_relative)

    def test_unmarking_a_migrant_is_for_managers(self):
        with self.assertRaisesText(UserError, "JMSC Manager"):
            self.mine.with_user(self.user_regency).write({"is_migrant": False})
        self.assertTrue(self.mine.is_migrant)
        self.mine.with_user(self.user_manager).write({"is_migrant": False})
        self.assertFalse(self.mine.is_migrant)
        self.assertFalse(self.relative_mine.jmsc_is_relative, "no migrant left in the family")

    # --- NIK -------------------------------------------------------------------------------------------------

    def test_nik_digits_and_region(self):
        Partner = self.env["res.partner"].with_user(self.user_regency)
        cases = {
            "３２１２０１４５０６９５０００２": "0-9",
            "٣٢١٢٠١٤٥٠٦٩٥٠٠٠٢": "0-9",
            "3212O14506950002": "0-9",
            "3230014506950002": "regency code 32.30",
            "3200014506950002": "regency code 32.00",
            "3380014506950002": "regency code 33.80",
            "3212004506950002": "district code 32.12.00",
        }
        for nik, reason in cases.items():
            with self.subTest(nik=nik), self.assertRaisesText(ValidationError, reason):
                Partner.create(
                    {"name": "Salah", "is_migrant": True, "nik": nik, "regency_id": self.regency_indramayu.id}
                )
        # A NIK first issued in another province (here Kota Semarang) is accepted.
        moved = Partner.create(
            {"name": "Pindahan", "is_migrant": True, "nik": "3374014506950002", "regency_id": self.regency_indramayu.id}
        )
        self.assertEqual(moved.nik_region_name, "Jawa Tengah")
        with self.assertRaisesText(ValidationError, "Family card number.*regency code 32.30"):
            moved.write({"kk_number": "3230010101100001"})

    def test_regency_filled_from_the_nik(self):
        Partner = self.env["res.partner"].with_user(self.user_regency)
        # Issue #12: saving a new migrant with only the NIK used to fail on the missing regency.
        form = Form(Partner.with_context(default_is_migrant=True), view="jmsc_base.res_partner_view_form_migrant")
        form.name = "Dewi Form"
        form.nik = "3212015708920003"
        self.assertEqual(form.regency_id, self.regency_indramayu)
        dewi = form.save()
        self.assertEqual(dewi.regency_id, self.regency_indramayu)
        # Same rule over RPC / import: no regency given, the NIK's regency is used.
        rpc = Partner.create({"name": "Lewat RPC", "is_migrant": True, "nik": "3212011203900005"})
        self.assertEqual(rpc.regency_id, self.regency_indramayu)
        result = Partner.load(["name", "is_migrant", "nik"], [["Lewat Impor", "1", "3212011203900006"]])
        self.assertEqual(len(result["ids"]), 1, result["messages"])
        self.assertEqual(Partner.browse(result["ids"]).regency_id, self.regency_indramayu)
        result = Partner.load(["name", "is_migrant", "nik"], [["Impor Salah", "1", "3230011203900007"]])
        self.assertFalse(result["ids"])
        self.assertIn("32.30", result["messages"][0]["message"])

    def test_nik_from_another_regency_warns_on_the_form(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.user_regency)
            .new({"is_migrant": True, "nik": "3209011203900008", "regency_id": self.regency_indramayu.id})
        )
        result = partner._onchange_nik()
        self.assertIn("Kabupaten Cirebon", result["warning"]["message"])
        self.assertIn("Kabupaten Indramayu", result["warning"]["message"])
        self.assertEqual(partner.regency_id, self.regency_indramayu, "a warning, not a change")
        partner.regency_id = self.regency_cirebon
        self.assertFalse(partner._onchange_nik())

    def test_a_migrant_listed_as_relative_stays_a_migrant(self):
        """Being listed as a relative does not widen who sees a migrant: their own regency decides."""
        self.env["jmsc.family.member"].create(
            {"partner_id": self.mine.id, "member_id": self.other.id, "relation": "sibling"}
        )
        # The Cirebon migrant listed as Ani's sibling stays a Cirebon migrant for the Indramayu officer.
        self.assertFalse(self._visible(self.user_regency, self.other))
        self.assertEqual(
            self.mine.with_user(self.user_regency).family_member_ids.mapped("relation"), ["spouse", "sibling"]
        )

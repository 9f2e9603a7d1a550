from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestAccess(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_migrant("Ani Indramayu", "3212014506950001")
        cls.other = cls._create_migrant("Budi Cirebon", "3209011203900002", regency=cls.regency_cirebon)
        cls.placements = cls.env["jmsc.placement"].create(
            [
                {"partner_id": p.id, "country_id": cls.env.ref("base.tw").id, "sector": "caregiver"}
                for p in cls.mine | cls.other
            ]
        )
        cls.documents = cls._add_document(cls.mine, "jmsc_base.doc_type_passport", "C111") | cls._add_document(
            cls.other, "jmsc_base.doc_type_passport", "C222"
        )
        cls.consents = cls.env["jmsc.consent"].create([{"partner_id": p.id} for p in cls.mine | cls.other])
        cls.both = cls.mine | cls.other

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_jmsc_user_reads_own_regency_only_and_writes_nothing(self):
        user = self.user_jmsc
        self.assertEqual(self._visible(user, self.both), self.mine)
        self.assertEqual(self._visible(user, self.placements).partner_id, self.mine)
        self.assertEqual(self._visible(user, self.documents).partner_id, self.mine)
        self.assertEqual(self._visible(user, self.consents).partner_id, self.mine)
        self.mine.with_user(user).read(["name", "nik"])
        with self.assertRaises(AccessError):
            self.other.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.mine.with_user(user).write({"village": "Juntinyuat"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(user).create(
                {"name": "Baru", "is_migrant": True, "regency_id": self.regency_indramayu.id}
            )
        with self.assertRaises(AccessError):
            self.placements[0].with_user(user).write({"employer": "X"})

    def test_regency_officer_reads_and_writes_own_regency(self):
        user = self.user_regency
        self.assertEqual(self._visible(user, self.both), self.mine)
        self.mine.with_user(user).write({"village": "Juntinyuat"})
        new = (
            self.env["res.partner"]
            .with_user(user)
            .create({"name": "Baru", "is_migrant": True, "regency_id": self.regency_indramayu.id})
        )
        self.assertTrue(new.is_migrant)
        self.placements.filtered(lambda p: p.partner_id == self.mine).with_user(user).write({"employer": "Mr Lin"})
        with self.assertRaises(AccessError):
            self.other.with_user(user).write({"village": "Gegesik"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(user).create(
                {"name": "Luar", "is_migrant": True, "regency_id": self.regency_cirebon.id}
            )
        with self.assertRaises(AccessError):
            self.placements.filtered(lambda p: p.partner_id == self.other).with_user(user).write({"employer": "X"})
        with self.assertRaises(AccessError):
            self.mine.with_user(user).unlink()

    def test_provincial_officer_and_manager_see_all(self):
        for user in (self.user_provincial, self.user_manager, self.user_admin):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, self.both), self.both)
                self.assertEqual(self._visible(user, self.placements), self.placements)
                self.assertEqual(self._visible(user, self.documents), self.documents)
                self.other.with_user(user).write({"village": "Gegesik"})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_provincial).unlink()
        self.mine.with_user(self.user_manager).unlink()

    def test_portal_migrant_sees_only_own_profile(self):
        self.env["jmsc.consent"].create({"partner_id": self.user_portal.partner_id.id, "purpose": "portal"})
        self.user_portal.partner_id.write(
            {"is_migrant": True, "regency_id": self.regency_indramayu.id, "nik": "3212015505960006"}
        )
        own = self.user_portal.partner_id
        placement = self.env["jmsc.placement"].create(
            {"partner_id": own.id, "country_id": self.env.ref("base.jp").id, "sector": "manufacturing"}
        )
        self.assertEqual(own.with_user(self.user_portal).read(["name"])[0]["name"], own.name)
        # NIK/KK/religion need the Identity Data group, even on one's own record: the portal page shows the
        # migrant their own NIK through the controller (test_portal), not through the ORM.
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).read(["nik"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_portal).read(["name"])
        self.assertEqual(self._visible(self.user_portal, self.placements | placement), placement)
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).write({"village": "X"})
        with self.assertRaises(AccessError):
            placement.with_user(self.user_portal).write({"employer": "X"})

    def test_configuration_is_admin_only(self):
        regency = self.regency_indramayu
        for user in (self.user_jmsc, self.user_regency, self.user_provincial, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                regency.with_user(user).write({"name": "Indramayu"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env.ref("jmsc_base.doc_type_passport").with_user(user).write(
                    {"jmsc_required_for_departure": False}
                )
        regency.with_user(self.user_admin).write({"name": "Kabupaten Indramayu"})
        self.env.ref("jmsc_base.doc_type_passport").with_user(self.user_admin).write(
            {"jmsc_required_for_departure": True}
        )

    def test_stage_history_is_read_only(self):
        history = self.mine.stage_history_ids
        for user in (self.user_regency, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                history.with_user(user).write({"stage_to": "ready"})

from lxml import etree

from odoo.tests import tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestViews(JmscBaseCommon):
    """Every JMSC role can open the migrant screens on a migrant it may see."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ani = cls._create_migrant("Ani Suryani", "3212014506950001", mobile="081234567890")
        cls.env["jmsc.placement"].create(
            {"partner_id": cls.ani.id, "country_id": cls.env.ref("base.hk").id, "sector": "domestic", "state": "active"}
        )
        cls._add_document(cls.ani, "jmsc_base.doc_type_passport", "C1234567")
        cls.env["jmsc.consent"].create({"partner_id": cls.ani.id})

    def _read_view(self, record, view_xmlid, view_type):
        """Read every field of the view (and of its embedded lists) as the UI would."""
        view = self.env.ref(view_xmlid)
        arch = record.get_views([(view.id, view_type)])["views"][view_type]["arch"]
        root = etree.fromstring(arch)
        top_fields = [
            node.get("name") for node in root.iter("field") if not any(a.tag == "field" for a in node.iterancestors())
        ]
        values = record.read(top_fields)[0]
        for node in root.iter("field"):
            sub_fields = [sub.get("name") for sub in node.iter("field") if sub is not node]
            if sub_fields and values.get(node.get("name")):
                record[node.get("name")].read(sub_fields)
        return values

    def test_every_role_opens_the_migrant_screens(self):
        for user in (self.user_jmsc, self.user_regency, self.user_provincial, self.user_manager, self.user_admin):
            with self.subTest(user=user.login):
                migrant = self.ani.with_user(user)
                values = self._read_view(migrant, "jmsc_base.res_partner_view_form_migrant", "form")
                self.assertEqual(values["nik"], "3212014506950001")
                self.assertEqual(values["document_count"], 2, "the passport and the KTP holding the NIK")
                self.assertEqual(values["placement_count"], 1)
                self.assertEqual("health_notes" in values, user.has_group("jmsc_base.group_jmsc_manager"))
                for xmlid, view_type in (
                    ("jmsc_base.res_partner_view_list_migrant", "list"),
                    ("jmsc_base.res_partner_view_kanban_migrant", "kanban"),
                ):
                    self._read_view(migrant, xmlid, view_type)
                action = migrant.action_view_documents()
                self.assertEqual(
                    sorted(self.env[action["res_model"]].with_user(user).search(action["domain"]).mapped("name")),
                    ["3212014506950001", "C1234567"],
                )

    def test_dashboard_groups_by_regency_destination_and_stage(self):
        groups = (
            self.env["res.partner"]
            .with_user(self.user_provincial)
            ._read_group(
                [("is_migrant", "=", True), ("id", "=", self.ani.id)],
                ["regency_id", "current_country_id", "migration_stage"],
                ["__count"],
            )
        )
        self.assertEqual(groups, [(self.regency_indramayu, self.env.ref("base.hk"), "prospective", 1)])

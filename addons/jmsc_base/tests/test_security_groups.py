from odoo.tests import tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestSecurityGroups(JmscBaseCommon):
    def test_groups_are_chained(self):
        chain = [
            "jmsc_base.group_jmsc_user",
            "jmsc_base.group_jmsc_regency_officer",
            "jmsc_base.group_jmsc_provincial_officer",
            "jmsc_base.group_jmsc_manager",
            "jmsc_base.group_jmsc_admin",
        ]
        users = [self.user_jmsc, self.user_regency, self.user_provincial, self.user_manager, self.user_admin]
        for rank, user in enumerate(users):
            for level, xmlid in enumerate(chain):
                self.assertEqual(
                    user.has_group(xmlid), level <= rank, f"{user.login} and {xmlid}: the role chain is broken"
                )
        self.assertFalse(self.user_portal.has_group("jmsc_base.group_jmsc_user"))

    def test_all_jabar_regencies_ship(self):
        regencies = self.env["jmsc.regency"].search([])
        codes = set(regencies.mapped("code"))
        self.assertEqual(len(regencies.filtered(lambda r: r.kind == "regency")), 18)
        self.assertEqual(len(regencies.filtered(lambda r: r.kind == "city")), 9)
        self.assertIn("32.01", codes)
        self.assertIn("32.18", codes)
        self.assertIn("32.79", codes)

    def test_regency_officer_sees_only_own_regency(self):
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "Ani", "is_migrant": True, "regency_id": self.regency_indramayu.id})
        other = Partner.create({"name": "Budi", "is_migrant": True, "regency_id": self.regency_cirebon.id})
        visible = Partner.with_user(self.user_regency).search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)
        visible = Partner.with_user(self.user_provincial).search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine | other)

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LtsaCommon


@tagged("post_install", "-at_install", "jmsc_ltsa")
class TestAccess(LtsaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request_indramayu = cls._request(cls.migrant, cls.site, [cls.service_ak1])
        cls.request_indramayu.action_confirm()
        cls.request_cirebon = cls._request(cls.migrant_cirebon, cls.site_cirebon, [cls.service_ak1])
        cls.request_cirebon.action_confirm()
        cls.tickets = cls.env["jmsc.ltsa.ticket"].search([("request_id", "!=", False)])

    def _visible(self, user, model, records):
        return self.env[model].with_user(user).search([("id", "in", records.ids)])

    def test_desk_officer_sees_own_site(self):
        Request = "jmsc.ltsa.request"
        self.assertEqual(self._visible(self.officer_2, Request, self.request_indramayu | self.request_cirebon),
                         self.request_indramayu)  # fmt: skip
        self.assertEqual(
            self._visible(self.officer_2, "jmsc.ltsa.ticket", self.tickets), self.request_indramayu.ticket_ids
        )
        self.assertEqual(self._visible(self.officer_2, "jmsc.ltsa.site", self.site | self.site_cirebon), self.site)
        self.assertEqual(
            self._visible(self.officer_2, "jmsc.ltsa.step", (self.request_indramayu | self.request_cirebon).step_ids),
            self.request_indramayu.step_ids,
        )
        # Migrants they serve (officer_2 serves no regency of their own).
        self.assertEqual(
            self._visible(self.officer_2, "res.partner", self.migrant | self.migrant_cirebon), self.migrant
        )
        with self.assertRaises(AccessError):
            self.request_cirebon.with_user(self.officer_2).read(["name"])
        with self.assertRaises(AccessError):
            self.site.with_user(self.officer_2).write({"no_show_calls": 5})
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.service"].with_user(self.officer_2).create(
                {"name": "X", "code": "X", "desk_type": "police", "category_id": self.cat_a.id}
            )
        with self.assertRaises(AccessError):
            self.desk_cirebon.with_user(self.officer_2).action_call_next()
        with self.assertRaises(AccessError):
            self.migrant_cirebon.with_user(self.officer_2).write({"name": "Changed"})

    def test_supervisor_runs_own_site(self):
        self.assertEqual(
            self._visible(self.supervisor, "jmsc.ltsa.request", self.request_indramayu | self.request_cirebon),
            self.request_indramayu,
        )
        self.site.with_user(self.supervisor).write({"no_show_calls": 4})
        self.assertEqual(self.site.no_show_calls, 4)
        new_desk = (
            self.env["jmsc.ltsa.desk"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "New desk",
                    "site_id": self.site.id,
                    "desk_type": "bpjs",
                    "category_ids": [(6, 0, self.cat_a.ids)],
                }
            )
        )
        self.assertTrue(new_desk)
        with self.assertRaises(AccessError):
            self.site_cirebon.with_user(self.supervisor).write({"no_show_calls": 4})
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.desk"].with_user(self.supervisor).create(
                {"name": "Foreign", "site_id": self.site_cirebon.id, "desk_type": "bpjs",
                 "category_ids": [(6, 0, self.cat_a.ids)]}
            )  # fmt: skip
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.ticket.counter"].with_user(self.supervisor).search([]).write({"last": 0})

    def test_provincial_sees_everything(self):
        both = self.request_indramayu | self.request_cirebon
        self.assertEqual(self._visible(self.provincial, "jmsc.ltsa.request", both), both)
        self.assertEqual(self._visible(self.provincial, "jmsc.ltsa.ticket", self.tickets), self.tickets)
        with self.assertRaises(AccessError):
            self.site.with_user(self.provincial).write({"name": "Renamed"})

    def test_plain_jmsc_user_has_no_desk_access(self):
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.ticket"].with_user(self.jmsc_user).search([])
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.request"].with_user(self.jmsc_user).search([])

    def test_portal_sees_own_requests(self):
        # A migrant's portal account needs her consent to portal access (UU PDP).
        self.env["jmsc.consent"].create({"partner_id": self.migrant.id, "purpose": "portal"})
        portal = self.env["res.users"].create(
            {
                "name": "Sari portal",
                "login": "ltsa_t_portal_acl",
                "partner_id": self.migrant.id,
                "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        both = self.request_indramayu | self.request_cirebon
        self.assertEqual(self._visible(portal, "jmsc.ltsa.request", both), self.request_indramayu)
        self.assertEqual(self._visible(portal, "jmsc.ltsa.step", both.step_ids), self.request_indramayu.step_ids)
        with self.assertRaises(AccessError):
            self.env["jmsc.ltsa.ticket"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.request_indramayu.with_user(portal).write({"priority": "elderly"})
        with self.assertRaises(AccessError):
            self.site.with_user(portal).read(["board_token"])

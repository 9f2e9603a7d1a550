import datetime

from odoo.tests import tagged

from ..tools.web_spec import web_specification
from .common import JmscBaseCommon, make_nik


@tagged("at_install")
class TestRpcPerformance(JmscBaseCommon):
    """The migrant list and form as the web client reads them (bench/rpc.py), as a Regency Officer: the number
    of queries is pinned and does not grow with the rows. At install, so only jmsc_base's fields and hooks
    count (each module above pins its own additions)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.migrants = cls.env["res.partner"].create(
            [
                {
                    "name": f"Migran RPC {i}",
                    "is_migrant": True,
                    "nik": make_nik(1 + i % 28, 1 + i % 12, 1991, serial=7000 + i, female=bool(i % 2)),
                    "regency_id": cls.regency_indramayu.id,
                }
                for i in range(30)
            ]
        )
        cls.sri = cls.migrants[0]
        cls._add_document(cls.sri, "jmsc_base.doc_type_passport", "C7001234", valid_until=datetime.date(2030, 1, 1))
        cls.env["jmsc.placement"].create(
            {"partner_id": cls.sri.id, "country_id": cls.env.ref("base.tw").id, "sector": "caregiver"}
        )
        cls.env["jmsc.consent"].create({"partner_id": cls.sri.id, "date": datetime.date(2024, 1, 5)})
        mother = cls.env["res.partner"].create({"name": "Ibu Sri RPC"})
        cls.env["jmsc.family.member"].create({"partner_id": cls.sri.id, "member_id": mother.id, "relation": "mother"})
        # The web client's specifications of the migrant action's own list and form views.
        action = cls.env.ref("jmsc_base.res_partner_action_migrant")
        views = [[view.view_id.id, view.view_mode] for view in action.view_ids if view.view_mode in ("list", "form")]
        cls.Partner = cls.env["res.partner"].with_user(cls.user_regency).with_context(bin_size=True)
        answer = cls.Partner.get_views(views, {"action_id": action.id})
        cls.list_spec = web_specification(answer, "res.partner", "list")
        cls.form_spec = web_specification(answer, "res.partner", "form")

    def _read_list(self):
        return self.Partner.web_search_read([("is_migrant", "=", True)], self.list_spec, limit=80, count_limit=10001)

    def test_specifications_follow_the_views(self):
        self.assertIn("nik", self.list_spec)
        self.assertEqual(self.list_spec["regency_id"], {"fields": {"display_name": {}}})
        for name in ("nik", "document_count", "consent_count", "image_1920"):
            self.assertIn(name, self.form_spec)
        # The timeline is fetched when its page is opened (widget jmsc_timeline), not with the form.
        self.assertNotIn("jmsc_timeline_html", self.form_spec)
        self.assertIn("country_id", self.form_spec["placement_ids"]["fields"])

    def test_list_query_count(self):
        self._read_list()  # warm the caches (record rules, groups)
        self.env.invalidate_all()
        # 10: the rows, the company rule's companies, the relative links and the contact columns the record rule
        # checks, the access log line (one INSERT for all rows), the regency/district/country names, the count.
        with self.assertQueryCount(10):
            result = self._read_list()
        self.assertGreaterEqual(result["length"], 30)
        rows = {row["id"]: row for row in result["records"]}
        self.assertEqual(rows[self.sri.id]["nik"], self.sri.nik)
        # Twice the rows: the same queries.
        self.env["res.partner"].create(
            [
                {
                    "name": f"Migran RPC bis {i}",
                    "is_migrant": True,
                    "nik": make_nik(1 + i % 28, 1 + i % 12, 1992, serial=8000 + i),
                    "regency_id": self.regency_indramayu.id,
                }
                for i in range(30)
            ]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            self.assertGreaterEqual(self._read_list()["length"], 60)

    def test_form_query_count(self):
        Partner = self.Partner
        Partner.browse(self.migrants[1].id).web_read(self.form_spec)  # warm the caches
        self.env.invalidate_all()
        # 38 (44 before): the smart-button counts come from the lists the form reads anyway (no _read_group
        # each), the NIK's region from the regency read anyway; the timeline's own reads are in the count.
        with self.assertQueryCount(38):
            [values] = Partner.browse(self.sri.id).web_read(self.form_spec)
        self.assertEqual(values["placement_count"], 1)
        self.assertEqual(values["document_count"], len(self.sri.id_numbers))
        self.assertEqual(values["family_member_count"], 1)
        self.assertEqual(values["consent_count"], 1)
        self.assertEqual(values["nik_region_name"], self.regency_indramayu.name)
        self.assertEqual(len(values["placement_ids"]), 1)
        # Reading the NIK is logged, once, naming the field only.
        log = self.env["jmsc.access.log"].search(
            [("user_id", "=", self.user_regency.id), ("partner_id", "=", self.sri.id)]
        )
        self.assertEqual(
            sorted(log.mapped(lambda line: (line.res_model, line.field_names))),
            [("res.partner", "nik"), ("res.partner.id_number", "attachment, attachment_filename, name")],
        )

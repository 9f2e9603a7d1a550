import datetime
import hashlib
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL, file_open

from ..tools import area_data
from .common import JmscBaseCommon, JmscTourCase, make_nik

# Official figures (Kemendagri, via idn-area-data 4.0.1) for a few regencies: (districts, villages).
OFFICIAL_COUNTS = {
    "32.01": (40, 435),  # Kabupaten Bogor
    "32.09": (40, 424),  # Kabupaten Cirebon
    "32.12": (31, 317),  # Kabupaten Indramayu
    "32.18": (10, 93),  # Kabupaten Pangandaran
    "32.77": (3, 15),  # Kota Cimahi
}


def _read(path):
    with file_open(path) as handle:
        return handle.read()


class TestAreaData(JmscBaseCommon):
    def test_shipped_files_are_the_generator_output(self):
        """The CSV files are those recorded by tools/gen_areas.py, and the database holds exactly them."""
        districts_text = _read("jmsc_base/data/jmsc_district_data.csv")
        villages_text = _read("jmsc_base/data/jmsc_village_data.csv")
        source = _read("jmsc_base/data/jmsc_area_SOURCE.md")
        self.assertIn(hashlib.sha256(districts_text.encode()).hexdigest(), source)
        self.assertIn(hashlib.sha256(villages_text.encode()).hexdigest(), source)
        self.assertIn("Open Database License", source)
        districts = area_data.read_csv(districts_text)
        villages = area_data.read_csv(villages_text)
        self.assertEqual(sum(r["active"] == "1" for r in districts), 627)
        self.assertEqual(sum(r["active"] == "1" for r in villages), 5957)
        # Regenerating from the rows of the files gives the same files (the generator is stable).
        d_rows, v_rows = area_data.build_rows(
            "code,regency_code,name\n" + "".join(f'{r["code"]},{r["code"][:5]},"{r["name"]}"\n' for r in districts),
            "code,district_code,name\n" + "".join(f'{r["code"]},{r["code"][:8]},"{r["name"]}"\n' for r in villages),
        )
        self.assertEqual(area_data.to_csv(area_data.DISTRICT_HEADER, d_rows), districts_text)
        self.assertEqual(area_data.to_csv(area_data.VILLAGE_HEADER, v_rows), villages_text)
        # The database matches the files, code by code (name, parent and archive flag).
        db_districts = {
            code: (name, regency.replace(".", ""), active)
            for code, name, regency, active in self.env.execute_query(
                SQL(
                    "SELECT d.code, d.name, r.code, d.active FROM jmsc_district d "
                    "JOIN jmsc_regency r ON r.id = d.regency_id"
                )
            )
        }
        self.assertEqual(
            db_districts,
            {r["code"]: (r["name"], r["regency_id:id"][8:], r["active"] == "1") for r in districts},
        )
        db_villages = {
            code: (name, district, active)
            for code, name, district, active in self.env.execute_query(
                SQL(
                    "SELECT v.code, v.name, d.code, v.active FROM jmsc_village v "
                    "JOIN jmsc_district d ON d.id = v.district_id"
                )
            )
        }
        self.assertEqual(db_villages, {r["code"]: (r["name"], r["code"][:8], r["active"] == "1") for r in villages})
        self.assertEqual(self.env.ref("jmsc_base.village_3212112004").name, "Dadap")

    def test_counts_per_regency(self):
        districts = dict(self.env["jmsc.district"]._read_group([], ["regency_id"], ["__count"]))
        villages = dict(self.env["jmsc.village"]._read_group([], ["regency_id"], ["__count"]))
        self.assertEqual(len(districts), 27, "every regency and city has districts")
        for code, (n_districts, n_villages) in OFFICIAL_COUNTS.items():
            regency = self.env["jmsc.regency"].search([("code", "=", code)])
            self.assertEqual((districts[regency], villages[regency]), (n_districts, n_villages), code)
        self.assertEqual(sum(districts.values()), 627)
        self.assertEqual(sum(villages.values()), 5957)
        kelurahan = self.env["jmsc.village"].search_count([("kind", "=", "kelurahan")])
        self.assertEqual(kelurahan, 646)

    def test_generator_archives_retired_codes(self):
        """A code gone from a newer release stays, archived; a new code is added; other provinces are left out."""
        release_1 = (
            "code,regency_code,name\n32.12.01,32.12,Haurgeulis\n33.01.01,33.01,Dayeuhluhur\n",
            "code,district_code,name\n32.12.01.2001,32.12.01,Sumbermulya\n32.12.01.2002,32.12.01,Haurkolot\n",
        )
        d1, v1 = area_data.build_rows(*release_1)
        self.assertEqual(d1, [["district_321201", "32.12.01", "Haurgeulis", "regency_3212", "1"]])
        previous_v = area_data.to_csv(area_data.VILLAGE_HEADER, v1)
        release_2 = (
            "code,district_code,name\n32.12.01.2001,32.12.01,Sumbermulya\n32.12.01.2003,32.12.01,Haurkolot Baru\n"
        )
        _d2, v2 = area_data.build_rows(release_1[0], release_2, previous_villages=previous_v)
        self.assertEqual(
            [(r[1], r[4]) for r in v2], [("32.12.01.2001", "1"), ("32.12.01.2002", "0"), ("32.12.01.2003", "1")]
        )

    def test_loader_upserts_and_never_deletes(self):
        District = self.env["jmsc.district"]
        districts = _read("jmsc_base/data/jmsc_district_data.csv")
        villages = _read("jmsc_base/data/jmsc_village_data.csv")
        self.assertEqual(District._jmsc_load_areas(), (0, 0), "an unchanged file creates nothing")
        villages = villages.replace(",Dadap,district_321211,1", ",Dadap,district_321211,0")
        villages += "village_3212119999,32.12.11.9999,Dadap Baru,district_321211,1\n"
        self.assertEqual(District._jmsc_load_areas(districts, villages), (0, 1))
        dadap = self.env.ref("jmsc_base.village_3212112004")
        self.assertFalse(dadap.active)
        self.assertEqual(self.env.ref("jmsc_base.village_3212119999").district_id, dadap.district_id)


class TestAreaAddress(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dadap = cls.env.ref("jmsc_base.village_3212112004")
        cls.juntinyuat = cls.env.ref("jmsc_base.village_3212112005")
        cls.kaplongan = cls.env.ref("jmsc_base.village_3212102019")
        cls.susukan = cls.env.ref("jmsc_base.district_320927")

    def test_nik_with_unknown_district_is_refused(self):
        with self.assertRaisesText(ValidationError, r"3299994506950001.*32\.99"):
            self._create_migrant("Nunung Unknown", "3299994506950001")
        with self.assertRaisesText(ValidationError, r"32\.12\.99"):
            self._create_migrant("Nunung Unknown", make_nik(5, 6, 95, female=True, region="321299"))
        # Districts of other provinces are not shipped: only the province is checked there.
        self.assertTrue(self._create_migrant("Tarsih Jateng", make_nik(5, 6, 95, female=True, region="330101")))
        # A retired (archived) district still validates the NIKs issued under it.
        self.env.ref("jmsc_base.district_321201").active = False
        self.assertTrue(self._create_migrant("Warsih Lama", make_nik(6, 6, 95, female=True, region="321201")))

    def test_nik_from_another_regency_warns(self):
        migrant = self._create_migrant("Castini", make_nik(5, 6, 95, female=True, region="320927"))
        self.assertIn("Kabupaten Cirebon", migrant.nik_area_warning)
        self.assertIn("Kabupaten Indramayu", migrant.nik_area_warning)
        warning = migrant._onchange_nik_area()
        self.assertIn("Kabupaten Cirebon", warning["warning"]["message"])
        migrant.regency_id = self.regency_cirebon
        self.assertFalse(migrant.nik_area_warning)
        self.assertFalse(migrant._onchange_nik_area())

    def test_cascade_on_the_form(self):
        Partner = self.env["res.partner"].with_context(default_is_migrant=True, default_is_company=False)
        form = Form(Partner, view="jmsc_base.res_partner_view_form_migrant")
        form.name = "Darsinah"
        form.nik = make_nik(7, 7, 93, female=True)
        form.village_id = self.dadap
        self.assertEqual(form.district_id, self.dadap.district_id)
        self.assertEqual(form.regency_id, self.regency_indramayu)
        form.district_id = self.kaplongan.district_id
        self.assertFalse(form.village_id, "a village of another district is cleared")
        form.village_id = self.kaplongan
        form.regency_id = self.regency_cirebon
        self.assertFalse(form.district_id)
        self.assertFalse(form.village_id)
        form.district_id = self.susukan
        self.assertEqual(form.regency_id, self.regency_cirebon)
        form.regency_id = self.regency_indramayu
        form.village_id = self.juntinyuat
        migrant = form.save()
        self.assertEqual(
            (migrant.regency_id, migrant.district_id, migrant.village_id),
            (self.regency_indramayu, self.juntinyuat.district_id, self.juntinyuat),
        )
        self.assertEqual((migrant.district, migrant.village), ("Juntinyuat", "Juntinyuat"))

    def test_inconsistent_address_is_refused(self):
        with self.assertRaisesText(ValidationError, "Susukan"):
            self._create_migrant("Wartini", make_nik(8, 8, 90, female=True), district_id=self.susukan.id)
        migrant = self._create_migrant("Wartini", make_nik(8, 8, 90, female=True), village_id=self.dadap.id)
        self.assertEqual(migrant.district_id, self.dadap.district_id)
        with self.assertRaisesText(ValidationError, "Kaplongan Lor"):
            migrant.write({"village_id": self.kaplongan.id, "district_id": self.dadap.district_id.id})

    def test_typed_names_are_matched_to_official_areas(self):
        typed = self._create_migrant(
            "Dasmini", make_nik(9, 9, 92, female=True), district="juntinyuat ", village="DADAP"
        )
        unknown = self._create_migrant(
            "Dasmina", make_nik(9, 9, 93, female=True), district="Juntinyuat", village="Atlantis"
        )
        elsewhere = self._create_migrant("Dasmino", make_nik(9, 9, 94), district="Susukan", village="Ujunggebang")
        self.env.flush_all()
        self.assertGreaterEqual(self.env["res.partner"]._jmsc_match_area_names(), 2)
        self.assertEqual((typed.district_id, typed.village_id), (self.dadap.district_id, self.dadap))
        self.assertEqual((unknown.district_id, unknown.village_id.id), (self.dadap.district_id, False))
        self.assertEqual(unknown.village, "Atlantis", "unmatched text stays as typed")
        self.assertFalse(elsewhere.district_id, "Susukan is not a district of Indramayu")

    def test_anonymising_clears_the_village(self):
        migrant = self._create_migrant("Karsih", make_nik(9, 9, 91, female=True), village_id=self.dadap.id)
        migrant._jmsc_anonymize()
        self.assertFalse(migrant.village_id or migrant.district_id or migrant.village or migrant.district)


class TestVillageOfficer(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dadap = cls.env.ref("jmsc_base.village_3212112004")
        cls.juntinyuat = cls.env.ref("jmsc_base.village_3212112005")
        cls.user_village = new_test_user(
            cls.env,
            login="jmsc_village",
            groups="jmsc_base.group_jmsc_village_officer",
            jmsc_village_ids=[(6, 0, cls.dadap.ids)],
        )
        cls.mine = cls._create_migrant("Sutini Dadap", make_nik(1, 2, 90, female=True), village_id=cls.dadap.id)
        cls.other = cls._create_migrant(
            "Rasinah Juntinyuat", make_nik(2, 2, 90, female=True), village_id=cls.juntinyuat.id
        )
        cls.no_village = cls._create_migrant("Carini Tanpa Desa", make_nik(3, 2, 90, female=True))
        Placement = cls.env["jmsc.placement"]
        for migrant in cls.mine | cls.other:
            Placement.create({"partner_id": migrant.id, "country_id": cls.env.ref("base.tw").id, "sector": "caregiver"})
            cls._add_document(migrant, "jmsc_base.doc_type_passport", f"C{migrant.id:07d}")

    def test_sees_only_the_migrants_of_their_villages(self):
        Partner = self.env["res.partner"].with_user(self.user_village)
        found = Partner.search([("is_migrant", "=", True)])
        self.assertIn(self.mine, found)
        self.assertNotIn(self.other, found)
        self.assertNotIn(self.no_village, found)
        self.assertEqual(self.mine.with_user(self.user_village).nik, self.mine.nik, "reads the NIK to register")
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_village).read(["name"])
        placements = self.env["jmsc.placement"].with_user(self.user_village).search([])
        self.assertIn(self.mine, placements.partner_id)
        self.assertEqual(placements.partner_id.village_id, self.dadap, "demo migrants of Dadap may be there too")
        documents = (
            self.env["res.partner.id_number"]
            .with_user(self.user_village)
            .search([("partner_id.is_migrant", "=", True)])
        )
        self.assertIn(self.mine, documents.partner_id)
        self.assertEqual(documents.partner_id.village_id, self.dadap)
        # Another village officer (no villages) sees nothing; a regency officer still sees all of Indramayu.
        nobody = new_test_user(self.env, login="jmsc_village_none", groups="jmsc_base.group_jmsc_village_officer")
        self.assertFalse(self.env["res.partner"].with_user(nobody).search([("is_migrant", "=", True)]))
        regency = self.env["res.partner"].with_user(self.user_regency).search([("is_migrant", "=", True)])
        self.assertGreaterEqual(regency, self.mine | self.other | self.no_village)

    def test_registers_migrants_of_their_villages_only(self):
        Partner = self.env["res.partner"].with_user(self.user_village)
        created = Partner.create(
            {
                "name": "Tarmi Baru",
                "is_migrant": True,
                "nik": make_nik(4, 2, 90, female=True),
                "regency_id": self.regency_indramayu.id,
                "village_id": self.dadap.id,
            }
        )
        self.assertEqual(created.village_id, self.dadap)
        created.write({"mobile": "081234567890"})
        relative = self.env["res.partner"].with_user(self.user_village).create({"name": "Kerabat Tarmi"})
        family = (
            self.env["jmsc.family.member"]
            .with_user(self.user_village)
            .create({"partner_id": created.id, "member_id": relative.id, "relation": "spouse"})
        )
        self.assertEqual(family.partner_id, created)
        with self.assertRaises(AccessError):
            Partner.create(
                {
                    "name": "Tarmi Lain",
                    "is_migrant": True,
                    "nik": make_nik(5, 2, 90, female=True),
                    "regency_id": self.regency_indramayu.id,
                    "village_id": self.juntinyuat.id,
                }
            )
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_village).write({"mobile": "081234567891"})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_village).unlink()


@tagged("post_install", "-at_install")
class TestKantongPmi(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dadap = cls.env.ref("jmsc_base.village_3212112004")
        cls.juntinyuat = cls.env.ref("jmsc_base.village_3212112005")
        cls.ujunggebang = cls.env.ref("jmsc_base.village_3209272011")
        cls.countries = {
            "tw": cls.env.ref("base.tw"),
            "hk": cls.env.ref("base.hk"),
            "my": cls.env.ref("base.my"),
        }
        plan = [  # village, stage, destination
            (cls.dadap, "abroad", "tw"),
            (cls.dadap, "abroad", "tw"),
            (cls.dadap, "abroad", "hk"),
            (cls.dadap, "returned", "my"),
            (cls.dadap, "prospective", None),
            (cls.juntinyuat, "abroad", "hk"),
            (cls.juntinyuat, "returned", "tw"),
            (cls.ujunggebang, "abroad", "my"),
            (cls.ujunggebang, "prospective", None),
        ]
        cls.migrants = cls.env["res.partner"]
        for serial, (village, stage, country) in enumerate(plan, start=1):
            migrant = cls._create_migrant(
                f"Kantong {serial}",
                make_nik(serial, 3, 92, serial=serial, female=True),
                regency=village.regency_id,
                village_id=village.id,
                migration_stage=stage,
            )
            if country:
                cls.env["jmsc.placement"].create(
                    {
                        "partner_id": migrant.id,
                        "country_id": cls.countries[country].id,
                        "sector": "domestic",
                        "state": "active" if stage == "abroad" else "completed",
                        "departure_date": datetime.date(2024, 1, serial),
                    }
                )
            cls.migrants |= migrant

    def test_dashboard_card_opens_the_regency_kantong_graph(self):
        indramayu = self.dadap.regency_id
        action = indramayu.action_jmsc_open_kantong_pmi()
        self.assertEqual(action["views"][0][1], "graph", "the dashboard opens the kantong PMI graph first")
        found = self.env["res.partner"].search(action["domain"])
        self.assertEqual(
            found & self.migrants,
            self.migrants.filtered(lambda m: m.village_id.regency_id == indramayu),
            "only the villages of the card's regency",
        )

    def _sheet_rows(self, content, title):
        sheet = load_workbook(io.BytesIO(content))[title]
        rows = list(sheet.iter_rows(values_only=True))
        header_index = next(i for i, row in enumerate(rows) if row[0] == "Rank")
        header = rows[header_index]
        return [dict(zip(header, row, strict=False)) for row in rows[header_index + 1 :] if row[0]]

    def _expected(self, village_or_district, field):
        Partner = self.env["res.partner"]
        base = [("id", "in", self.migrants.ids), (field, "=", village_or_district.id)]
        result = {
            "Registered": Partner.search_count(base),
            "Abroad": Partner.search_count(base + [("migration_stage", "=", "abroad")]),
            "Returned": Partner.search_count(base + [("migration_stage", "=", "returned")]),
        }
        for country in self.countries.values():
            result[country.name] = len(
                Partner.search(base).filtered(
                    lambda p, c=country: p.placement_ids.sorted("departure_date", reverse=True)[:1].country_id == c
                )
            )
        return result

    def test_workbook_figures_match_the_registry(self):
        content, report_type = self.env["ir.actions.report"]._render(
            "jmsc_base.report_kantong_pmi_xlsx", self.migrants.ids
        )
        self.assertEqual(report_type, "xlsx")
        villages = self._sheet_rows(content, "Villages")
        self.assertEqual([row["Village"] for row in villages], ["Dadap", "Juntinyuat", "Ujunggebang"])
        self.assertEqual(villages[0]["Rank"], 1)
        for row in villages:
            village = self.env["jmsc.village"].search([("code", "=", row["Code"])])
            expected = self._expected(village, "village_id")
            self.assertEqual({key: row.get(key) or 0 for key in expected}, expected, row["Village"])
        self.assertEqual((villages[0]["Registered"], villages[0]["Abroad"], villages[0]["Returned"]), (5, 3, 1))
        districts = self._sheet_rows(content, "Districts")
        self.assertEqual([row["District"] for row in districts], ["Juntinyuat", "Susukan"])
        self.assertEqual(districts[0]["Registered"], 7)
        juntinyuat = self.env.ref("jmsc_base.district_321211")
        expected = self._expected(juntinyuat, "district_id")
        self.assertEqual({key: districts[0].get(key) or 0 for key in expected}, expected)

    def test_village_officer_workbook_covers_their_villages(self):
        officer = new_test_user(
            self.env,
            login="jmsc_village_kantong",
            groups="jmsc_base.group_jmsc_village_officer",
            jmsc_village_ids=[(6, 0, self.dadap.ids)],
        )
        action = self.env["res.partner"].with_user(officer).action_kantong_pmi_xlsx()
        self.assertEqual(action["report_name"], "jmsc_base.kantong_pmi_xlsx")
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(officer)
            ._render("jmsc_base.kantong_pmi_xlsx", [], data=action["data"])
        )
        villages = self._sheet_rows(content, "Villages")
        self.assertEqual([row["Village"] for row in villages], ["Dadap"])
        self.assertEqual(
            villages[0]["Registered"],
            self.env["res.partner"].search_count([("is_migrant", "=", True), ("village_id", "=", self.dadap.id)]),
        )


@tagged("post_install", "-at_install")
class TestVillageOfficerTour(JmscTourCase):
    def test_demo_village_officer_opens_office_and_kantong(self):
        officer = self._demo_user("jmsc_base.user_village_officer_demo")
        self.start_tour(
            "/odoo/action-jmsc_base.res_partner_action_village_office", "jmsc_base_village_office", login=officer.login
        )

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools.nik import resolve_birth_year
from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install")
class TestNik(JmscBaseCommon):
    def test_woman_day_plus_40_derives_gender_and_birth_date(self):
        ani = self._create_migrant("Ani Suryani", "3212014506950001")
        self.assertEqual(ani.gender, "female")
        self.assertEqual(ani.birthdate_date, datetime.date(1995, 6, 5))
        self.assertEqual(ani.birth_year, 1995)
        self.assertEqual(ani.nik_region_code, "32.12.01")
        self.assertEqual(ani.nik_region_name, "Kabupaten Indramayu")

    def test_man_derives_gender_and_birth_date(self):
        budi = self._create_migrant("Budi", "3209011203900002", regency=self.regency_cirebon)
        self.assertEqual(budi.gender, "male")
        self.assertEqual(budi.birthdate_date, datetime.date(1990, 3, 12))
        expected_age = self.today.year - 1990 - ((self.today.month, self.today.day) < (3, 12))
        self.assertEqual(budi.age, expected_age)

    def test_region_code_is_shown_not_forced(self):
        """A NIK issued in Cirebon belongs to a migrant now living in Indramayu."""
        migrant = self._create_migrant("Pindah", "3209011203900002", regency=self.regency_indramayu)
        self.assertEqual(migrant.regency_id, self.regency_indramayu)
        self.assertEqual(migrant.nik_region_name, "Kabupaten Cirebon")

    def test_century_resolution_keeps_age_between_0_and_100(self):
        today = datetime.date(2026, 11, 27)
        self.assertEqual(resolve_birth_year(5, 1, 1, today), 2005)
        self.assertEqual(resolve_birth_year(95, 1, 1, today), 1995)
        self.assertEqual(resolve_birth_year(26, 11, 27, today), 2026)
        # Tomorrow in 2026 is in the future, so the NIK means 1926 (age 99).
        self.assertEqual(resolve_birth_year(26, 11, 28, today), 1926)
        # 29 February exists in 2000 but a NIK year 00 in 1900 would not.
        self.assertEqual(resolve_birth_year(0, 2, 29, today), 2000)
        self.assertIsNone(resolve_birth_year(1, 2, 29, today))

    def test_century_of_a_young_migrant(self):
        born = self.today.replace(year=self.today.year - 19, day=1)
        migrant = self._create_migrant("Muda", make_nik(born.day, born.month, born.year, serial=7))
        self.assertEqual(migrant.birthdate_date, born)
        self.assertEqual(migrant.age, 19)

    def test_invalid_niks_are_refused_with_reason(self):
        cases = {
            "32120145069500": "16 digits",
            "32120145069500012": "16 digits",
            "32120145O6950001": "16 digits",
            "9912014506950001": "province code 99",
            "2012014506950001": "province code 20",
            "3212013206950001": "not a real date",
            "3212017206950001": "not a real date",
            "3212010013950001": "not a real date",
            "3212013002950001": "not a real date",
            "3212012902010001": "not a real date",
            "3212014506950000": "0000",
        }
        Partner = self.env["res.partner"]
        for nik, reason in cases.items():
            with self.subTest(nik=nik), self.assertRaisesText(ValidationError, reason) as caught:
                Partner.create({"name": "X", "is_migrant": True, "nik": nik, "regency_id": self.regency_indramayu.id})
            self.assertIn(nik, str(caught.exception))
        self.assertFalse(Partner.search([("name", "=", "X"), ("is_migrant", "=", True)]))

    def test_leap_day_and_whitespace(self):
        migrant = self._create_migrant("Kabisat", "3212 0169 0200 0003")
        self.assertEqual(migrant.nik, "3212016902000003")
        self.assertEqual(migrant.birthdate_date, datetime.date(2000, 2, 29))

    def test_future_birth_date_refused(self):
        with self.assertRaisesText(ValidationError, "in the future"):
            self.env["res.partner"].create(
                {
                    "name": "Belum Lahir",
                    "is_migrant": True,
                    "regency_id": self.regency_indramayu.id,
                    "birthdate_date": self.today + datetime.timedelta(days=1),
                }
            )

    def test_contradicting_gender_or_birth_date_refused(self):
        with self.assertRaisesText(ValidationError, "belongs to a Female"):
            self._create_migrant("Ani", "3212014506950001", gender="male")
        with self.assertRaisesText(ValidationError, "gives the birth date 1995-06-05"):
            self._create_migrant("Ani", "3212014506950001", birthdate_date="1995-06-06")
        ani = self._create_migrant("Ani", "3212014506950001", gender="female", birthdate_date="1995-06-05")
        with self.assertRaises(ValidationError):
            ani.write({"gender": "male"})
        # A corrected NIK carries its own gender and birth date along.
        ani.write({"nik": "3212011506950001"})
        self.assertEqual((ani.gender, ani.birthdate_date), ("male", datetime.date(1995, 6, 15)))

    @mute_logger("odoo.sql_db")
    def test_nik_unique_names_the_existing_record(self):
        ani = self._create_migrant("Ani Suryani", "3212014506950001")
        with self.assertRaisesText(ValidationError, "Ani Suryani") as caught:
            self._create_migrant("Ani Lain", "3212014506950001")
        self.assertIn(str(ani.id), str(caught.exception))
        other = self._create_migrant("Siti", "3212014506950002")
        with self.assertRaisesText(ValidationError, "Ani Suryani"):
            other.write({"nik": "3212014506950001"})
        with self.assertRaisesText(ValidationError, "twice"):
            self.env["res.partner"].create(
                [
                    {"name": n, "is_migrant": True, "nik": "3209011203900002", "regency_id": self.regency_cirebon.id}
                    for n in ("A", "B")
                ]
            )

    def test_nik_unique_hides_records_the_officer_cannot_read(self):
        self._create_migrant("Rahasia Cirebon", "3209011203900002", regency=self.regency_cirebon)
        with self.assertRaises(ValidationError) as caught:
            self.env["res.partner"].with_user(self.user_regency).create(
                {
                    "name": "Baru",
                    "is_migrant": True,
                    "nik": "3209011203900002",
                    "regency_id": self.regency_indramayu.id,
                }
            )
        message = str(caught.exception)
        self.assertNotIn("Rahasia", message)
        self.assertIn("Kabupaten Cirebon", message)

    def test_database_enforces_nik_uniqueness(self):
        constraint = self.env["ir.model.constraint"].search(
            [("name", "=", "res_partner_nik_unique"), ("model.model", "=", "res.partner")]
        )
        self.assertEqual(constraint.type, "u")

    def test_kk_number_checked(self):
        migrant = self._create_migrant("Ani", "3212014506950001", kk_number="3212010101100001")
        self.assertEqual(migrant.kk_number, "3212010101100001")
        for bad in ("12345", "9912010101100001"):
            with self.subTest(kk=bad), self.assertRaisesText(ValidationError, "Family card number"):
                migrant.write({"kk_number": bad})

    def test_regency_required_for_migrants_only(self):
        with self.assertRaisesText(ValidationError, "regency"):
            self.env["res.partner"].create({"name": "Tanpa Kabupaten", "is_migrant": True})
        self.assertTrue(self.env["res.partner"].create({"name": "Kontak Biasa"}))

    def test_mobile_normalised_to_e164(self):
        migrant = self._create_migrant("Ani", "3212014506950001", mobile="0812-3456-7890")
        self.assertEqual(migrant.mobile, "+6281234567890")
        migrant.write({"mobile": "+852 9123 4567"})
        self.assertEqual(migrant.mobile, "+85291234567")
        with self.assertRaisesText(ValidationError, "not a valid number"):
            migrant.write({"mobile": "12"})
        contact = self.env["res.partner"].create({"name": "Bukan PMI", "mobile": "0812 3456 7890"})
        self.assertEqual(contact.mobile, "0812 3456 7890")

    def test_family_members_with_relation(self):
        migrant = self._create_migrant("Ani", "3212014506950001")
        husband = self.env["res.partner"].create({"name": "Suami Ani", "mobile": "+6281311112222"})
        migrant.write(
            {"family_member_ids": [(0, 0, {"member_id": husband.id, "relation": "spouse", "is_next_of_kin": True})]}
        )
        self.assertEqual(migrant.family_member_ids.member_id, husband)
        self.assertEqual(migrant.family_member_ids.mobile, "+6281311112222")
        with self.assertRaisesText(ValidationError, "own family member"):
            migrant.write({"family_member_ids": [(0, 0, {"member_id": migrant.id, "relation": "other"})]})

    def test_import_gives_row_errors_and_no_partial_record(self):
        Partner = self.env["res.partner"]
        fields = ["name", "is_migrant", "nik", "regency_id/id", "mobile"]
        rows = [
            ["Import Satu", "1", "3212014506950011", "jmsc_base.regency_3212", "081234567801"],
            ["Import Dua", "1", "3212019906950012", "jmsc_base.regency_3212", "081234567802"],
            ["Import Tiga", "1", "3212014506950013", "jmsc_base.regency_3212", "081234567803"],
        ]
        result = Partner.load(fields, rows)
        self.assertFalse(result["ids"])
        # Odoo repeats the batch error on the first row; the row-by-row retry pins the bad row.
        errors = {m["rows"]["from"]: m["message"] for m in result["messages"] if m["type"] == "error"}
        self.assertIn(1, errors, result["messages"])
        self.assertIn("3212019906950012", errors[1])
        self.assertNotIn(2, errors)
        self.assertFalse(Partner.search([("name", "like", "Import ")]))
        rows[1][2] = "3212011906950012"
        result = Partner.load(fields, rows)
        self.assertEqual(len(result["ids"]), 3, result["messages"])
        self.assertEqual(Partner.browse(result["ids"][0]).mobile, "+6281234567801")

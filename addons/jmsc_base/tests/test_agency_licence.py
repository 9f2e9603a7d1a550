import importlib.util
from pathlib import Path

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged
from odoo.tools import SQL

from .common import JmscBaseCommon

MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.1.3.0"


def _load_migration(name):
    spec = importlib.util.spec_from_file_location(f"jmsc_base_18_0_1_3_0_{name.replace('-', '_')}", MIGRATION / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestAgencyLicence(JmscBaseCommon):
    """Agencies keep their licences as jmsc.agency.licence records only: the list, form and filters read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Licence = cls.env["jmsc.agency.licence"]
        cls.p3mi = cls.env["res.partner"].create(
            {
                "name": "PT Izin Berlapis",
                "is_company": True,
                "regency_id": cls.regency_indramayu.id,
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_p3mi").id,
            }
        )
        cls.other = cls.env["res.partner"].create(
            {
                "name": "LPK Tanpa Izin",
                "is_company": True,
                "agency_type_id": cls.env.ref("jmsc_base.agency_type_p3mi").id,
            }
        )

    def _licence(self, number, days, licence_type="p3mi_permit", agency=None):
        return self.Licence.create(
            {
                "partner_id": (agency or self.p3mi).id,
                "licence_type": licence_type,
                "name": number,
                "expiry_date": self.today + relativedelta(days=days),
            }
        )

    def test_old_fields_are_gone(self):
        for fname in _load_migration("pre-migrate.py").REMOVED_FIELDS:
            self.assertNotIn(fname, self.env["res.partner"]._fields)
        self.assertFalse(self.env.ref("jmsc_base.res_partner_view_search_agency_licence", raise_if_not_found=False))

    def test_current_licence_per_type(self):
        """Per type the licence valid the longest counts (a renewal replaces the old permit); of those, the one
        expiring first is shown, and the worst state is the agency's."""
        agency = self.p3mi.with_user(self.user_provincial)
        self.assertFalse(agency.jmsc_agency_licence_id)
        self.assertFalse(agency.jmsc_agency_licence_state)
        old = self._licence("SIP-2019", -60)
        agency.invalidate_recordset()
        self.assertEqual(agency.jmsc_agency_licence_state, "expired")
        renewed = self._licence("SIP-2025", 700)
        agency.invalidate_recordset()
        self.assertEqual(agency.jmsc_agency_licence_id, renewed)
        self.assertEqual(agency.jmsc_agency_licence_number, "SIP-2025")
        self.assertEqual(agency.jmsc_agency_licence_until, renewed.expiry_date)
        self.assertEqual(agency.jmsc_agency_licence_state, "valid")
        accreditation = self._licence("AKR-1", 20, licence_type="accreditation")
        agency.invalidate_recordset()
        self.assertEqual(agency.jmsc_agency_licence_id, accreditation)
        self.assertEqual(agency.jmsc_agency_licence_state, "expiring")
        accreditation.active = False
        renewed.active = False
        agency.invalidate_recordset()
        self.assertEqual(agency.jmsc_agency_licence_id, old)
        self.assertEqual(agency.jmsc_agency_licence_state, "expired")

    def test_filters_find_agencies_by_licence_state(self):
        self._licence("SIP-OK", 400)
        expiring = self._licence("SIP-SOON", 10, agency=self.other)
        Partner = self.env["res.partner"].with_user(self.user_provincial)
        agencies = self.p3mi | self.other
        arch = Partner.get_views([(self.env.ref("jmsc_base.res_partner_view_search_agency").id, "search")])["views"][
            "search"
        ]["arch"]
        for name in ("filter_licence_expiring", "filter_licence_expired"):
            self.assertIn(f'name="{name}"', arch)
        self.assertEqual(Partner.search([("jmsc_agency_licence_state", "=", "expiring")]) & agencies, self.other)
        self.assertEqual(Partner.search([("jmsc_agency_licence_state", "=", "valid")]) & agencies, self.p3mi)
        self.assertEqual(Partner.search([("jmsc_agency_licence_state", "!=", "valid")]) & agencies, self.other)
        self.assertFalse(Partner.search([("jmsc_agency_licence_state", "=", "expired")]) & agencies)
        expiring.expiry_date = self.today - relativedelta(days=1)
        self.assertEqual(Partner.search([("jmsc_agency_licence_state", "=", "expired")]) & agencies, self.other)
        expiring.active = False
        self.assertIn(self.other, Partner.search([("jmsc_agency_licence_state", "=", False)]))
        self.assertNotIn(self.p3mi, Partner.search([("jmsc_agency_licence_state", "=", False)]))
        # The number searches the licence records.
        self.assertEqual(Partner.search([("jmsc_agency_licence_ids", "ilike", "SIP-OK")]), self.p3mi)

    def test_copy_of_old_values_is_idempotent(self):
        existing = self._licence("SIP-KEEP", 300)
        rows = [
            (self.p3mi.id, "SIP-KEEP", existing.expiry_date, False, False),
            (self.other.id, "LPK-1", self.today + relativedelta(days=40), "SIP-9", self.today + relativedelta(days=80)),
        ]
        created = self.Licence._jmsc_copy_legacy_licences(rows)
        self.assertEqual(
            sorted(created.mapped(lambda lic: (lic.partner_id, lic.licence_type, lic.name))),
            sorted([(self.other, "p3mi_permit", "SIP-9"), (self.other, "p3mi_permit", "LPK-1")]),
        )
        self.assertFalse(self.Licence._jmsc_copy_legacy_licences(rows))
        self.assertEqual(len(self.p3mi.jmsc_agency_licence_ids), 1)

    def test_migration_copies_what_1_2_0_left(self):
        """A database with the old columns: the pre-migration keeps the values, the post-migration makes them
        licence records (a number without date is noted on the agency), twice without duplicates."""
        cr = self.env.cr
        self.env.flush_all()
        pre, post = _load_migration("pre-migrate.py"), _load_migration("post-migrate.py")
        number, valid_until, p3mi_number, p3mi_expiry = (SQL.identifier(column) for column in pre.LEGACY_COLUMNS)
        cr.execute(
            SQL(
                "ALTER TABLE res_partner %s",
                SQL(", ").join(
                    SQL("ADD COLUMN %s %s", SQL.identifier(column), SQL(sql_type))
                    for column, sql_type in pre.LEGACY_COLUMNS.items()
                ),
            )
        )
        date = self.today + relativedelta(days=45)
        cr.execute(
            SQL(
                "UPDATE res_partner SET %s = 'SIP-OLD', %s = %s, %s = 'SIP-OLD', %s = %s WHERE id = %s",
                p3mi_number,
                p3mi_expiry,
                date,
                number,
                valid_until,
                date,
                self.p3mi.id,
            )
        )
        cr.execute(SQL("UPDATE res_partner SET %s = 'NO-DATE' WHERE id = %s", number, self.other.id))
        for _run in range(2):
            pre.migrate(cr, "18.0.1.2.0")
            post.migrate(cr, "18.0.1.2.0")
            self.env.invalidate_all()
            licences = self.Licence.search([("partner_id", "in", (self.p3mi | self.other).ids)])
            self.assertEqual(
                licences.mapped(lambda lic: (lic.partner_id, lic.name, lic.expiry_date)), [(self.p3mi, "SIP-OLD", date)]
            )
            self.assertEqual(licences.licence_type, "p3mi_permit")
        notes = self.other.message_ids.filtered(lambda message: "NO-DATE" in (message.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.author_id, self.env.ref("base.partner_root"))
        cr.execute("SELECT to_regclass('jmsc_agency_licence_legacy')")
        self.assertIsNone(cr.fetchone()[0])

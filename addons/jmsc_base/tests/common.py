import csv
from contextlib import contextmanager

from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import TransactionCase


def make_nik(day, month, year, serial=1, female=False, region="321201"):
    """A valid NIK for a birth date: the building block of every test migrant."""
    return f"{region}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"


def make_migrant(env, name, nik, regency=None, **values):
    """A migrant of ``regency`` (Indramayu by default) with that NIK."""
    regency = regency or env.ref("jmsc_base.regency_3212")
    return env["res.partner"].create(dict(values, name=name, is_migrant=True, nik=nik, regency_id=regency.id))


def make_agency(env, name, agency_type, **values):
    """An agency (a company partner) of the type ``jmsc_base.agency_type_<agency_type>``, e.g. ``"lsp"``."""
    type_id = env.ref(f"jmsc_base.agency_type_{agency_type}").id
    return env["res.partner"].create(dict(values, name=name, is_company=True, agency_type_id=type_id))


def assert_access_matrix(case, path):
    """``path`` (a module's tests/access_matrix.csv, contract 3) matches the effective ACL of a user
    holding just that group; ``case`` is the running test case. jmsc_base's TestAccessMatrix checks every
    module at once; this is the same check for one module's file, run with that module's tests."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    case.assertTrue(rows)
    users, mismatches = {}, []
    for row in rows:
        group = row["group"]
        if group not in users:
            users[group] = new_test_user(case.env, login=f"matrix_{len(users)}_{case._testMethodName}", groups=group)
        records = case.env[row["model"]].with_user(users[group])
        for operation in ("read", "write", "create", "unlink"):
            expected = row[operation] == "1"
            if records.has_access(operation) != expected:
                mismatches.append(f"{group} {row['model']} {operation}: expected {int(expected)}")
    case.assertFalse(mismatches, "\n".join(mismatches))


class JmscBaseCommon(TransactionCase):
    """The one test base of the JMSC modules: every module's ``tests/common.py`` extends it.

    Gives users for every JMSC role (``user_jmsc``, ``user_regency`` of Indramayu, ``user_provincial``,
    ``user_manager``, ``user_admin``, ``user_portal``), two regencies to tell their data apart
    (``regency_indramayu``, ``regency_cirebon``), ``make_nik()`` for valid NIKs, ``_create_migrant()``
    and the one assert helper ``assertRaisesText(exception, pattern)``. A module's common class may
    rebind a name (e.g. ``user_manager`` to its own manager) after ``super().setUpClass()``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.regency_indramayu = cls.env.ref("jmsc_base.regency_3212")
        cls.regency_cirebon = cls.env.ref("jmsc_base.regency_3209")
        regencies = [(6, 0, cls.regency_indramayu.ids)]
        cls.user_jmsc = new_test_user(
            cls.env, login="jmsc_user", groups="jmsc_base.group_jmsc_user", jmsc_regency_ids=regencies
        )
        cls.user_regency = new_test_user(
            cls.env, login="jmsc_regency", groups="jmsc_base.group_jmsc_regency_officer", jmsc_regency_ids=regencies
        )
        cls.user_provincial = new_test_user(
            cls.env, login="jmsc_provincial", groups="jmsc_base.group_jmsc_provincial_officer"
        )
        cls.user_manager = new_test_user(cls.env, login="jmsc_manager", groups="jmsc_base.group_jmsc_manager")
        cls.user_admin = new_test_user(cls.env, login="jmsc_admin", groups="jmsc_base.group_jmsc_admin")
        cls.user_portal = new_test_user(cls.env, login="jmsc_portal", groups="base.group_portal")
        cls.today = office_today(cls.env["res.partner"])

    @classmethod
    def _create_migrant(cls, name, nik, regency=None, **values):
        return make_migrant(cls.env, name, nik, regency or cls.regency_indramayu, **values)

    @classmethod
    def _add_document(cls, partner, xmlid, number, valid_until=None, **values):
        return cls.env["res.partner.id_number"].create(
            dict(
                {
                    "partner_id": partner.id,
                    "category_id": cls.env.ref(xmlid).id,
                    "name": number,
                    "valid_until": valid_until,
                },
                **values,
            )
        )

    @contextmanager
    def assertRaisesText(self, exception, pattern):
        """assertRaises (which rolls back to a savepoint) plus a check of the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    def assertReportRenders(self, report_ref, ids, data=None):
        """Render a QWeb report as HTML and as a PDF (forced, as when printed) and check that the PDF is
        one; return the HTML text for the caller's own checks."""
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(report_ref, ids, data=data)[0].decode()
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(report_ref, ids, data=data)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return html


class JmscTourCase(HttpCase):
    """The base of browser tours (contract 6): run them as the demo user of the role, from their landing
    page (``_demo_user``), or as a fresh regency officer of Indramayu (``_regency_officer``); public pages
    in Bahasa Indonesia (``_activate_indonesian``)."""

    @classmethod
    def _activate_indonesian(cls, *modules):
        """Activate Bahasa Indonesia and load the modules' Indonesian terms (the tours read them)."""
        cls.env["res.lang"]._activate_lang("id_ID")
        if modules:
            cls.env["ir.module.module"]._load_module_terms(list(modules), ["id_ID"], overwrite=True)

    def _demo_user(self, xmlid, **values):
        """The demo user ``xmlid``, written with ``values`` (e.g. ``lang``, ``tz``); without the demo data the
        test is skipped."""
        user = self.env.ref(xmlid, raise_if_not_found=False)
        if not user:
            self.skipTest(f"needs the demo data ({xmlid})")
        if values:
            user.write(values)
        return user

    def _regency_officer(self, login, **values):
        """A regency officer of Indramayu whose password is the login."""
        return new_test_user(
            self.env,
            login=login,
            password=login,
            groups="jmsc_base.group_jmsc_regency_officer",
            jmsc_regency_ids=[(6, 0, self.env.ref("jmsc_base.regency_3212").ids)],
            **values,
        )

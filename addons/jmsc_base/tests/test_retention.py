import datetime
import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install")
class TestRetention(JmscBaseCommon):
    """Retention rules: the dry run changes nothing, a confirmed review anonymises exactly who is due."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["jmsc.retention.rule"].search([]).write({"active": False})
        cls.rule = cls.env["jmsc.retention.rule"].create(
            {"name": "Registry 5y", "category": "registry", "trigger": "return_home", "years": 5}
        )
        long_ago = datetime.datetime.now() - relativedelta(years=6)
        recently = datetime.datetime.now() - relativedelta(years=2)
        cls.due_a = cls._returned("Retention Due A", make_nik(1, 2, 1980, serial=9101), long_ago)
        cls.due_b = cls._returned("Retention Due B", make_nik(2, 2, 1980, serial=9102), long_ago)
        cls.not_due = cls._returned("Retention Recent", make_nik(3, 2, 1980, serial=9103), recently)
        # returned long ago but a user of the system: protected
        cls.protected = cls._returned("Retention Officer", make_nik(4, 2, 1980, serial=9104), long_ago)
        cls.officer_user = cls.env["res.users"].create(
            {"name": "Retention Officer", "login": "retention_officer", "partner_id": cls.protected.id}
        )
        # returned long ago, then registered again for a new migration: kept
        cls.gone_again = cls._returned("Retention Leaving Again", make_nik(5, 2, 1980, serial=9105), long_ago)
        cls.gone_again.write({"migration_stage": "prospective"})

    @classmethod
    def _returned(cls, name, nik, when):
        partner = cls._create_migrant(name, nik, migration_stage="abroad")
        partner.write({"migration_stage": "returned"})
        history = partner.stage_history_ids.filtered(lambda h: h.stage_to == "returned")
        if not history:
            history = cls.env["jmsc.stage.history"].create(
                {"partner_id": partner.id, "stage_from": "abroad", "stage_to": "returned"}
            )
        history.write({"date": when})
        return partner

    def _snapshot(self):
        people = self.due_a | self.due_b | self.not_due | self.protected | self.gone_again
        return {p.id: (p.name, p.nik, p.is_anonymized) for p in people}

    def test_dry_run_changes_nothing(self):
        before = self._snapshot()
        run = self.env["jmsc.retention.dry.run"].with_user(self.user_manager).create({})
        self.assertEqual(run.due_count, 2)
        due_people = run.line_ids.filtered("due").partner_id
        self.assertEqual(due_people, self.due_a | self.due_b)
        kept = {line.partner_id: line.reason for line in run.line_ids if not line.due}
        self.assertIn(self.not_due, kept)
        self.assertIn(self.protected, kept)
        # left again for a new migration: no trigger any more, neither due nor listed
        self.assertNotIn(self.gone_again, due_people | run.line_ids.partner_id)
        self.assertRegex(kept[self.not_due], r"\d{4}-\d{2}-\d{2}")
        # the XLSX of the dry run lists the same people
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_xlsx("jmsc_base.report_retention_dry_run_xlsx", run.ids, {})
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(len(names), len(run.line_ids))
        self.assertIn(self.due_a.name, names)
        self.env.invalidate_all()
        self.assertEqual(self._snapshot(), before, "a dry run changes no person")
        self.assertFalse(self.env["jmsc.retention.review"].search([]))

    def test_review_then_confirm_anonymises_exactly_the_due(self):
        review = self.env["jmsc.retention.review"]._cron_jmsc_retention_review()
        self.assertEqual(review.line_ids.partner_id, self.due_a | self.due_b)
        self.assertEqual(review.state, "draft")
        # a manager is told by an activity; nothing is erased before the confirmation
        self.assertIn(self.user_manager, review.activity_ids.user_id)
        self.assertFalse((self.due_a | self.due_b).filtered("is_anonymized"))
        # only managers may confirm
        for user in (self.user_jmsc, self.user_regency, self.user_provincial):
            with self.assertRaises(AccessError):
                review.with_user(user).action_confirm()
        self.assertFalse(self.due_a.is_anonymized)
        before_kept = {p.id: (p.name, p.nik) for p in self.not_due | self.protected | self.gone_again}
        self.user_manager.email = False  # contract 4: a manager without an email address confirms
        review.with_user(self.user_manager).action_confirm()
        self.assertFalse(review.activity_ids)
        self.assertIn(self.user_manager.name, review.message_ids[0].body)
        self.env.invalidate_all()
        self.assertEqual(review.state, "done")
        self.assertEqual(review.confirmed_by_id, self.user_manager)
        self.assertEqual(set(review.line_ids.mapped("result")), {"anonymised"})
        for person in self.due_a | self.due_b:
            self.assertTrue(person.is_anonymized)
            self.assertFalse(person.nik)
            self.assertNotIn("Retention Due", person.name)
        self.assertEqual({p.id: (p.name, p.nik) for p in self.not_due | self.protected | self.gone_again}, before_kept)
        self.assertFalse((self.not_due | self.protected | self.gone_again).filtered("is_anonymized"))
        # the next month nobody is due any more
        self.assertFalse(self.env["jmsc.retention.review"]._cron_jmsc_retention_review())

    def test_confirm_skips_who_is_no_longer_due(self):
        review = self.env["jmsc.retention.review"]._jmsc_create_review()
        self.due_b.write({"migration_stage": "prospective"})  # came back to the office: a new migration
        review.with_user(self.user_manager).action_confirm()
        self.assertTrue(self.due_a.is_anonymized)
        self.assertFalse(self.due_b.is_anonymized)
        self.assertEqual(review.line_ids.filtered(lambda line: line.partner_id == self.due_b).result, "skipped")

    def test_rules_configurable_and_only_for_managers(self):
        self.rule.years = 10
        due, kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        self.assertFalse(due)
        self.assertIn(self.due_a.id, kept)
        for user in (self.user_jmsc, self.user_regency, self.user_provincial):
            with self.assertRaises(AccessError):
                self.env["jmsc.retention.dry.run"].with_user(user).create({})
            with self.assertRaises(AccessError):
                self.env["jmsc.retention.review"].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.rule.with_user(self.user_manager).write({"years": 1})
        with Form(self.env["jmsc.retention.rule"].with_user(self.user_admin)) as form:
            form.name = "Registry 1y"
            form.category = "registry"
            form.trigger = "return_home"
            form.years = 1
        self.assertTrue(self.env["jmsc.retention.rule"].search([("name", "=", "Registry 1y")]))

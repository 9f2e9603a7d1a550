"""Retention rules (UU PDP 27/2022): how long a person's data is kept after a trigger.

A rule names a data category, a trigger and a number of years. A person's data is due for erasure when
every active rule whose trigger has happened to them has run out, and no rule still holds them (an open
case, an active membership, a migration in progress). Erasure is always the whole person, through
``res.partner._jmsc_anonymize()``, after a JMSC Manager confirms a retention review.

Each trigger is answered by two methods on this model, named after the trigger code; modules above
jmsc_base add their triggers (``selection_add``) and these methods in their own files:

- ``_jmsc_retention_dates_<trigger>()`` -> {partner_id: date the trigger happened}
- ``_jmsc_retention_holds_<trigger>(partner_ids)`` -> {partner_id: reason the person must be kept}
"""

import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.office_day import office_today


class JmscRetentionRule(models.Model):
    _name = "jmsc.retention.rule"
    _description = "Retention Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [("registry", "Migrant Registry (identity, stages, placements)")],
        string="Data Category",
        required=True,
    )
    trigger = fields.Selection(
        [("return_home", "Return Home (Purna PMI)")],
        required=True,
        help="The event after which the retention period starts.",
    )
    years = fields.Integer(string="Years Kept", required=True, default=5)
    active = fields.Boolean(default=True)
    note = fields.Text(string="Legal Basis", translate=True)

    _sql_constraints = [
        ("years_positive", "CHECK(years >= 1)", "A retention period is at least one year."),
    ]

    # --- business methods ------------------------------------------------------------------------------------

    @api.model
    def _jmsc_retention_today(self):
        return office_today(self)

    @api.model
    def _jmsc_retention_due(self, today=None):
        """What the active rules make due: (due, kept).

        ``due``: {partner_id: {"rule": rule, "trigger_date": date, "due_date": date}} (the rule whose period
        ends last); ``kept``: {partner_id: reason} for people a trigger applies to who are held or not due yet.
        Reads only: nothing is written (the dry run and the monthly review both use it).
        """
        today = today or self._jmsc_retention_today()
        rules = self.search([])
        latest = {}
        for rule in rules:
            for partner_id, trigger_date in rule._jmsc_retention_dates().items():
                if isinstance(trigger_date, datetime.datetime):
                    trigger_date = trigger_date.date()  # UTC day: a day more or less on years of retention
                due_date = trigger_date + relativedelta(years=rule.years)
                if partner_id not in latest or latest[partner_id]["due_date"] < due_date:
                    latest[partner_id] = {"rule": rule, "trigger_date": trigger_date, "due_date": due_date}
        candidates = self.env["res.partner"].with_context(active_test=False).browse(latest).exists()
        candidates = candidates.filtered(lambda p: not p.is_anonymized)
        kept = candidates._jmsc_retention_protected()
        # every trigger's holds apply, even when its own rule is inactive (an open case keeps a person)
        for trigger in self._fields["trigger"].get_values(self.env):
            method = getattr(self, f"_jmsc_retention_holds_{trigger}", None)
            if method:
                for partner_id, reason in method(candidates.ids).items():
                    kept.setdefault(partner_id, reason)
        due = {}
        for partner in candidates:
            if partner.id in kept:
                continue
            values = latest[partner.id]
            if values["due_date"] > today:
                kept[partner.id] = self.env._("Kept until %s", fields.Date.to_string(values["due_date"]))
                continue
            due[partner.id] = values
        return due, kept

    def _jmsc_retention_dates(self):
        """{partner_id: trigger date} of this rule's trigger (empty when no module answers it)."""
        self.ensure_one()
        method = getattr(self, f"_jmsc_retention_dates_{self.trigger}", None)
        return method() if method else {}

    @api.model
    def _jmsc_retention_dates_return_home(self):
        """Migrants who are back home (Purna PMI): the date of their last move to the returned stage."""
        self.env["jmsc.stage.history"].flush_model()
        self.env["res.partner"].flush_model(["migration_stage", "is_migrant"])
        rows = self.env.execute_query(
            SQL(
                """SELECT h.partner_id, MAX(h.date)
                     FROM jmsc_stage_history h
                     JOIN res_partner p ON p.id = h.partner_id
                    WHERE h.stage_to = 'returned' AND p.migration_stage = 'returned' AND p.is_migrant
                    GROUP BY h.partner_id"""
            )
        )
        return dict(rows)

    @api.model
    def _jmsc_retention_holds_return_home(self, partner_ids):
        """People still in a migration (prospective, ready, abroad) are kept whatever the other triggers say."""
        partners = self.env["res.partner"].with_context(active_test=False).browse(partner_ids)
        moving = partners.filtered(lambda p: p.is_migrant and p.migration_stage in ("prospective", "ready", "abroad"))
        return {partner.id: self.env._("Migration in progress") for partner in moving}

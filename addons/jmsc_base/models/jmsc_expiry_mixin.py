"""The expiry engine: one mixin, reminder rules stored as records, one scheduled action.

A model that expires inherits ``jmsc.expiry.mixin`` and says where its date, owner and category are
(``_expiry_date_field``, ``_expiry_partner_field``, ``_expiry_category_field``) and which kind of the
"Expiring" list it is (``_expiry_kind``, added to ``jmsc.expiry.item.kind``). The rules
(``jmsc.expiry.rule``) say how many days ahead someone is told, and who.
"""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..tools.office_day import office_today

EXPIRY_STATES = [("valid", "Valid"), ("expiring", "Expiring"), ("expired", "Expired")]
# Days ahead an item counts as "expiring" when no rule applies to it.
DEFAULT_HORIZON = 90
# Context value only the engine holds: a JSON-RPC client cannot put a Python object in its context,
# so it cannot set or reset the reminder level by hand (contract 2).
_ENGINE = object()


class JmscExpiryMixin(models.AbstractModel):
    _name = "jmsc.expiry.mixin"
    _description = "Expiring Record"

    _expiry_kind = False
    _expiry_date_field = "expiry_date"
    _expiry_partner_field = "partner_id"
    _expiry_category_field = False

    expiry_date = fields.Date(index=True)
    expiry_state = fields.Selection(
        EXPIRY_STATES,
        string="Expiry",
        compute="_compute_expiry_state",
        store=True,
        index=True,
        help="Expiring: within the longest reminder of its rules (90 days without a rule). Recomputed every day.",
    )
    expiry_reminder_level = fields.Integer(
        string="Last Expiry Reminder",
        copy=False,
        readonly=True,
        help="Days ahead of the last reminder raised (e.g. 90, then 30); reset when the expiry date changes.",
    )
    expiry_reminder_date = fields.Date(
        string="Expiry Date Reminded",
        copy=False,
        readonly=True,
        help="The expiry date the last reminder was about: a level counts only while the date is the same.",
    )
    expiry_user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index="btree_not_null",
        help="Receives the expiry reminders; empty: the migrant's responsible officer, else the creator.",
    )

    @api.depends("expiry_date")
    def _compute_expiry_state(self):
        today = office_today(self)
        horizons = self.env["jmsc.expiry.rule"]._jmsc_horizons(self)
        for record in self:
            date = record.expiry_date
            if not date or (date - today).days > horizons[record.id]:
                record.expiry_state = "valid"
            elif date < today:
                record.expiry_state = "expired"
            else:
                record.expiry_state = "expiring"

    def init(self):
        result = super().init()
        if not self._abstract and "jmsc.expiry.item" in self.env:
            self.env["jmsc.expiry.item"]._jmsc_rebuild_view()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("jmsc_expiry_engine") is not _ENGINE:
            engine_fields = ("expiry_reminder_level", "expiry_reminder_date")
            vals_list = [{k: v for k, v in vals.items() if k not in engine_fields} for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        engine = self.env.context.get("jmsc_expiry_engine") is _ENGINE
        if {"expiry_reminder_level", "expiry_reminder_date"}.intersection(vals) and not engine:
            raise UserError(
                self.env._("The last expiry reminder of %s is set by the reminder job only.", self._description)
            )
        records = self
        if self._expiry_date_field in vals or "expiry_date" in vals:
            # A new expiry date starts the reminders over.
            vals = dict(vals, expiry_reminder_level=0, expiry_reminder_date=False)
            records = self.with_context(jmsc_expiry_engine=_ENGINE)
        return super(JmscExpiryMixin, records).write(vals)

    # Hooks a model may override.
    @api.model
    def _expiry_kind_label(self):
        """Name of the kind in the Expiring list."""
        return self.env["ir.model"]._get(self._name).name

    def _expiry_domain(self, purpose="list"):
        """Records watched (``purpose`` "reminder") or listed (``purpose`` "list")."""
        return []

    def _expiry_partner(self):
        return self[self._expiry_partner_field] if self._expiry_partner_field else self.env["res.partner"]

    def _expiry_labels(self):
        """{id: label} for the Expiring list and the reminders; never a NIK."""
        return {record.id: record.display_name for record in self}

    def _expiry_activity_target(self):
        """The record the reminder activity is scheduled on: the record itself, else its person."""
        return self if "activity_ids" in self._fields else self._expiry_partner()

    def _expiry_state_changed(self):
        """Called on the records whose expiry state the daily job changed."""
        return None

    # The engine.
    @api.model
    def _jmsc_expiry_models(self):
        """Names of the stored models that use the mixin, in a stable order."""
        names = []
        for name in sorted(self.env.registry["jmsc.expiry.mixin"]._inherit_children):
            model = self.env.registry[name]
            if not model._abstract and not model._transient and model._auto:
                names.append(name)
        return names

    @api.model
    def _cron_jmsc_expiry(self, model_names=None):
        """Refresh the states and raise the due reminders of every model using the mixin."""
        for name in model_names or self._jmsc_expiry_models():
            self.env[name].browse()._jmsc_expiry_run()
        return True

    def _jmsc_expiry_run(self):
        today = office_today(self)
        Rule = self.env["jmsc.expiry.rule"].sudo()  # reminder settings, no personal data
        rules = Rule.search([("model", "=", self._name)])
        horizon = max(rules.mapped("days_before"), default=DEFAULT_HORIZON)
        # 1. States: only what may have changed since yesterday.
        stale = self.search(
            [
                ("expiry_date", "!=", False),
                "|",
                ("expiry_state", "!=", "expired"),
                ("expiry_date", ">=", today),
                "|",
                ("expiry_state", "!=", "valid"),
                ("expiry_date", "<=", today + relativedelta(days=horizon)),
            ]
        )
        before = {record.id: record.expiry_state for record in stale}
        self.env.add_to_compute(self._fields["expiry_state"], stale)
        stale.flush_recordset(["expiry_state"])
        changed = stale.filtered(lambda record: record.expiry_state != before[record.id])
        if changed:
            changed._expiry_state_changed()
        # 2. Reminders: the nearest level due, once per level.
        candidates = self.search(
            self._expiry_domain("reminder")
            + [("expiry_date", ">=", today), ("expiry_date", "<=", today + relativedelta(days=horizon))]
        )
        rules_by_record = Rule._jmsc_rules_by_record(candidates, rules)
        due = []
        for record in candidates:
            record_rules = rules_by_record[record.id]
            left = (record.expiry_date - today).days
            levels = [rule.days_before for rule in record_rules if left <= rule.days_before]
            if not levels:
                continue
            level = min(levels)
            reminded = record.expiry_reminder_level if record.expiry_reminder_date == record.expiry_date else 0
            if reminded and reminded <= level:
                continue
            due.append((record, level, record_rules.filtered(lambda r, level=level: r.days_before == level)))
        if not due:
            return
        self._jmsc_expiry_notify(due, today)
        by_level = defaultdict(list)
        for record, level, _rules in due:
            by_level[(level, record.expiry_date)].append(record.id)
        for (level, date), ids in by_level.items():
            self.browse(ids).with_context(jmsc_expiry_engine=_ENGINE).write(
                {"expiry_reminder_level": level, "expiry_reminder_date": date}
            )

    def _jmsc_expiry_notify(self, due, today):
        """One activity per rule for the responsible user; an email to the person where consent allows."""
        records = self.browse([record.id for record, _level, _rules in due])
        labels = records._expiry_labels()
        activity_vals = []
        mail_partners = self.env["res.partner"]
        for record, _level, record_rules in due:
            partner = record._expiry_partner()
            if any(record_rules.mapped("notify_migrant")):
                mail_partners |= partner
            target = record._expiry_activity_target()
            if not target:
                continue
            user = record.expiry_user_id or partner.user_id or record.create_uid
            for rule in record_rules.filtered("notify_responsible"):
                activity_vals.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(target._name),
                        "res_id": target.id,
                        "activity_type_id": (rule.activity_type_id or self.env.ref("mail.mail_activity_data_todo")).id,
                        "summary": self.env._(
                            "%(record)s expires on %(date)s", record=labels[record.id], date=record.expiry_date
                        ),
                        "date_deadline": min(record.expiry_date, today + relativedelta(days=14)),
                        "user_id": user.id,
                    }
                )
        # A batch holding two activities on one record for one user would subscribe the user twice.
        Activity = self.env["mail.activity"].with_context(mail_activity_quick_update=True)
        while activity_vals:
            seen, batch, rest = set(), [], []
            for vals in activity_vals:
                key = (vals["res_model_id"], vals["res_id"], vals["user_id"])
                (rest if key in seen else batch).append(vals)
                seen.add(key)
            Activity.create(batch)
            activity_vals = rest
        self._jmsc_expiry_mail(due, labels, mail_partners)

    def _jmsc_expiry_mail(self, due, labels, partners):
        allowed = partners._jmsc_consent_allows("reminder_email").filtered("email")
        if not allowed:
            return
        company = self.env.company
        email_from = company.email_formatted or self.env.ref("base.partner_root").email_formatted
        mails = []
        for record, _level, record_rules in due:
            partner = record._expiry_partner()
            if partner not in allowed or not any(record_rules.mapped("notify_migrant")):
                continue
            env = self.with_context(lang=partner.lang).env
            mails.append(
                {
                    "subject": env._(
                        "%(record)s expires on %(date)s", record=labels[record.id], date=record.expiry_date
                    ),
                    "body_html": env._(
                        "<p>Dear %(name)s,</p><p>%(record)s expires on %(date)s. Please renew it in time; "
                        "the Jabar Migrant Service Center can help you.</p>",
                        name=html_escape(partner.name),
                        record=html_escape(labels[record.id]),
                        date=record.expiry_date,
                    ),
                    "email_from": email_from,
                    "author_id": company.partner_id.id,
                    "recipient_ids": [(4, partner.id)],
                    "model": record._name,
                    "res_id": record.id,
                    "auto_delete": True,
                }
            )
        if mails:
            self.env["mail.mail"].sudo().create(mails)  # the job sends what the consent check above allowed

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .jmsc_expiry_mixin import DEFAULT_HORIZON


class JmscExpiryRule(models.Model):
    """One reminder level: how many days before expiry, which activity, who is told.

    Rules of a document category replace the rules of its model for that category, so a new document
    type with its own lead times needs a category and its rules, no code.
    """

    _name = "jmsc.expiry.rule"
    _description = "Expiry Reminder Rule"
    _order = "model_id, category_id, days_before desc, id"

    active = fields.Boolean(default=True)
    model_id = fields.Many2one(
        "ir.model",
        string="Applies To",
        required=True,
        ondelete="cascade",
        domain=lambda self: [("model", "in", self.env["jmsc.expiry.mixin"]._jmsc_expiry_models())],
    )
    model = fields.Char(related="model_id.model", store=True, index=True, string="Model Name")
    category_id = fields.Many2one(
        "res.partner.id_category",
        string="Document Category",
        ondelete="cascade",
        index="btree_not_null",
        help="Only for documents of this category; its rules replace the general rules of documents.",
    )
    days_before = fields.Integer(string="Days Before Expiry", required=True, default=30)
    activity_type_id = fields.Many2one("mail.activity.type", help="Empty: To-Do.", ondelete="set null")
    notify_responsible = fields.Boolean(
        string="Tell the Responsible Officer", default=True, help="Schedules an activity for the responsible user."
    )
    notify_migrant = fields.Boolean(
        string="Email the Migrant",
        help="Emails the person the record belongs to, only when their consent to reminders is active.",
    )
    notify_portal = fields.Boolean(
        string="Show on the Migrant's Portal",
        default=True,
        help="Lists the record on the portal home of the person it belongs to (My Account), from this many days "
        "before expiry, when they consented to portal access.",
    )

    @api.depends("model_id", "category_id", "days_before")
    def _compute_display_name(self):
        for rule in self:
            subject = rule.category_id.name or rule.model_id.name or ""
            rule.display_name = self.env._("%(subject)s: %(days)s days", subject=subject, days=rule.days_before)

    @api.constrains("days_before", "model_id", "category_id")
    def _check_rule(self):
        models_with_mixin = self.env["jmsc.expiry.mixin"]._jmsc_expiry_models()
        for rule in self:
            if rule.days_before < 0:
                raise ValidationError(self.env._("The rule %s cannot remind after the expiry date.", rule.display_name))
            if rule.model not in models_with_mixin:
                raise ValidationError(self.env._("%s records do not expire: choose another model.", rule.model_id.name))
            if rule.category_id and rule.model != "res.partner.id_number":
                raise ValidationError(
                    self.env._("A document category applies to identity documents only (rule %s).", rule.display_name)
                )

    @api.model
    def _jmsc_rules_by_record(self, records, rules=None):
        """{record id: the rules that apply to it}: those of its category, else those of its model."""
        if rules is None:
            rules = self.search([("model", "=", records._name)])
        general = rules.filtered(lambda rule: not rule.category_id)
        by_category = defaultdict(lambda: self.browse())
        for rule in rules - general:
            by_category[rule.category_id.id] |= rule
        field = records._expiry_category_field
        return {record.id: (by_category.get(record[field].id) if field else None) or general for record in records}

    @api.model
    def _jmsc_horizons(self, records):
        """{record id: days ahead the record counts as expiring}."""
        rules_by_record = self.sudo()._jmsc_rules_by_record(records)
        return {
            record_id: max(rules.mapped("days_before"), default=DEFAULT_HORIZON)
            for record_id, rules in rules_by_record.items()
        }

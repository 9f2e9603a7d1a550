from odoo import api, fields, models
from odoo.exceptions import ValidationError


class JmscLtsaCategory(models.Model):
    _name = "jmsc.ltsa.category"
    _description = "LTSA Service Category (queue letter)"
    _order = "sequence, prefix"

    name = fields.Char(required=True, translate=True)
    prefix = fields.Char(required=True, size=2, help="Letter printed before the ticket number, e.g. A for A-001.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    service_ids = fields.One2many("jmsc.ltsa.service", "category_id")

    _sql_constraints = [("prefix_unique", "unique(prefix)", "Each service category needs its own ticket letter.")]

    @api.constrains("prefix")
    def _check_prefix(self):
        for category in self:
            if not category.prefix.isalpha() or not category.prefix.isupper():
                raise ValidationError(
                    self.env._(
                        "Service category %(name)s: the ticket letter %(prefix)s must be upper-case letters only.",
                        name=category.name,
                        prefix=category.prefix,
                    )
                )

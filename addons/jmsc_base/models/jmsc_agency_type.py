from odoo import fields, models


class JmscAgencyType(models.Model):
    """A kind of agency (BP3MI, LSP, cooperative, ...) and the JMSC groups its users receive."""

    _name = "jmsc.agency.type"
    _description = "Agency Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    group_ids = fields.Many2many(
        "res.groups",
        string="Groups Granted",
        help="The groups every user of an agency of this type receives when the configuration is applied.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an agency type must be unique."),
    ]

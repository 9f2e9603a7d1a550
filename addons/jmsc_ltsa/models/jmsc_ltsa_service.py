from odoo import fields, models

DESK_TYPES = [
    ("manpower", "Manpower"),
    ("complaint", "Complaints and Information"),
    ("dukcapil", "Civil Registry (Dukcapil)"),
    ("health", "Health"),
    ("immigration", "Immigration"),
    ("police", "Police"),
    ("banking", "Banking"),
    ("bpjs", "Social Security (BPJS)"),
]


class JmscLtsaService(models.Model):
    _name = "jmsc.ltsa.service"
    _description = "LTSA Service"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    desk_type = fields.Selection(DESK_TYPES, required=True, index=True)
    category_id = fields.Many2one("jmsc.ltsa.category", required=True, index=True, ondelete="restrict")
    required_doc_type_ids = fields.Many2many(
        "res.partner.id_category",
        "jmsc_ltsa_service_required_doc_rel",
        "service_id",
        "category_id",
        string="Required Documents",
    )
    output_doc_type_id = fields.Many2one("res.partner.id_category", string="Issued Document", ondelete="restrict")
    output_validity_days = fields.Integer(string="Issued Document Validity (days)")
    sla_minutes = fields.Integer(string="SLA (working minutes)", default=30, required=True)
    completion_days = fields.Integer(string="Days to Completion (working days)", default=1, required=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The service code must be unique."),
        ("sla_positive", "check(sla_minutes > 0 and completion_days >= 0)", "SLA targets must be positive."),
    ]

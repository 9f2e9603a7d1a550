from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket_category import PRIORITIES


class JmscHelpdeskSla(models.Model):
    _name = "jmsc.helpdesk.sla"
    _description = "Case SLA per Priority"
    _order = "category_id, priority desc"

    category_id = fields.Many2one("helpdesk.ticket.category", string="Case Type", required=True, ondelete="cascade")
    priority = fields.Selection(PRIORITIES, required=True)
    response_hours = fields.Float(string="First Response (working hours)", required=True)
    resolution_hours = fields.Float(string="Resolution (working hours)", required=True)

    _sql_constraints = [
        ("priority_unique", "unique(category_id, priority)", "A case type has one SLA line per priority."),
        (
            "hours_positive",
            "CHECK(response_hours > 0 AND resolution_hours > 0)",
            "SLA hours must be positive.",
        ),
    ]

    @api.constrains("response_hours", "resolution_hours")
    def _check_hours(self):
        for sla in self:
            if sla.response_hours > sla.resolution_hours:
                raise ValidationError(
                    self.env._(
                        "SLA of %(type)s, priority %(priority)s: the first response time cannot exceed "
                        "the resolution time.",
                        type=sla.category_id.complete_name,
                        priority=sla.priority,
                    )
                )

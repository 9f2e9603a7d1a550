from odoo import api, fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    jmsc_code = fields.Char(string="Case Type Code", index=True)
    jmsc_default_priority = fields.Selection(PRIORITIES, string="Default Priority", default="1")
    jmsc_default_team_id = fields.Many2one("helpdesk.ticket.team", string="Default Team")
    jmsc_is_sensitive = fields.Boolean(
        string="Sensitive",
        help="Cases of this type are visible only to case managers and the assigned officer, "
        "and cannot be closed without a referral or a manager's decision.",
    )
    jmsc_response_hours = fields.Float(
        string="First Response (working hours)", default=8.0, help="Used when no SLA line matches the priority."
    )
    jmsc_resolution_hours = fields.Float(
        string="Resolution (working hours)", default=40.0, help="Used when no SLA line matches the priority."
    )
    jmsc_sla_ids = fields.One2many("jmsc.helpdesk.sla", "category_id", string="SLA per Priority")

    _sql_constraints = [
        (
            "jmsc_sla_hours_positive",
            "CHECK(jmsc_response_hours > 0 AND jmsc_resolution_hours > 0)",
            "The SLA hours of a case type must be positive.",
        ),
    ]

    @api.constrains("jmsc_response_hours", "jmsc_resolution_hours")
    def _check_jmsc_sla_hours(self):
        for category in self:
            if category.jmsc_response_hours > category.jmsc_resolution_hours:
                raise ValidationError(
                    self.env._(
                        "Case type %(type)s: the first response time (%(response)s h) cannot exceed "
                        "the resolution time (%(resolution)s h).",
                        type=category.complete_name,
                        response=category.jmsc_response_hours,
                        resolution=category.jmsc_resolution_hours,
                    )
                )

    def _jmsc_sla_hours(self, priority):
        """(first response hours, resolution hours) for a priority of this case type."""
        self.ensure_one()
        line = self.jmsc_sla_ids.filtered(lambda sla: sla.priority == priority)[:1]
        if line:
            return line.response_hours, line.resolution_hours
        return self.jmsc_response_hours, self.jmsc_resolution_hours

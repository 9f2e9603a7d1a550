from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    jmsc_calendar_id = fields.Many2one(
        "resource.calendar",
        string="SLA Working Hours",
        default=lambda self: self.env.ref("jmsc_helpdesk.resource_calendar_call_centre", raise_if_not_found=False),
        help="Working hours and public holidays the SLA deadlines of this team's cases are measured on.",
    )
    jmsc_supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        domain=[("share", "=", False)],
        help="Notified when a case of this team breaches its SLA (the team leader when empty).",
    )

    def _get_applicable_stages(self):
        # The moderation stage is entered only by web complaints, never as a new case's first stage.
        return super()._get_applicable_stages().filtered(lambda stage: not stage.jmsc_moderation)

from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    jmsc_pause_sla = fields.Boolean(
        string="Pauses the SLA",
        help="While a case is in this stage (e.g. waiting for the caller), its SLA clock stops "
        "and the deadlines move by the working time spent here.",
    )
    jmsc_moderation = fields.Boolean(
        string="Moderation",
        help="Web complaints wait here until an agent accepts them (their SLA clock starts then) or rejects "
        "them as spam. Cases enter and leave this stage only through those buttons.",
    )

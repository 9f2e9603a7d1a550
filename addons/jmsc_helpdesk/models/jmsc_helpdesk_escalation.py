from odoo import fields, models

from .helpdesk_ticket_category import PRIORITIES


class JmscHelpdeskEscalation(models.Model):
    _name = "jmsc.helpdesk.escalation"
    _description = "SLA Escalation"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Case", required=True, index=True, ondelete="cascade")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    kind = fields.Selection([("response", "First Response"), ("resolution", "Resolution")], required=True)
    old_priority = fields.Selection(PRIORITIES, string="Priority Before")
    new_priority = fields.Selection(PRIORITIES, string="Priority After")
    notified_user_id = fields.Many2one("res.users", string="Notified")
    note = fields.Text()

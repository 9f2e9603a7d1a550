from odoo import fields, models


class JmscLtsaTicketCounter(models.Model):
    _name = "jmsc.ltsa.ticket.counter"
    _description = "LTSA Ticket Counter (last number per site, category and day)"
    _order = "day desc, site_id, category_id"

    site_id = fields.Many2one("jmsc.ltsa.site", required=True, ondelete="cascade", readonly=True)
    category_id = fields.Many2one("jmsc.ltsa.category", required=True, ondelete="cascade", readonly=True)
    day = fields.Date(required=True, readonly=True)
    last = fields.Integer(string="Last Number", readonly=True)

    _sql_constraints = [
        ("site_category_day_unique", "unique(site_id, category_id, day)", "One counter per site, category and day."),
    ]

from odoo import fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action

LTSA_READERS = "jmsc_ltsa.group_ltsa_officer,jmsc_base.group_jmsc_provincial_officer"


class ResPartner(models.Model):
    _inherit = "res.partner"

    ltsa_request_ids = fields.One2many("jmsc.ltsa.request", "partner_id", string="LTSA Requests", groups=LTSA_READERS)
    ltsa_ticket_ids = fields.One2many("jmsc.ltsa.ticket", "partner_id", string="LTSA Tickets", groups=LTSA_READERS)
    ltsa_request_count = fields.Integer(
        compute="_compute_ltsa_request_count", string="LTSA Visits", groups=LTSA_READERS
    )

    def _compute_ltsa_request_count(self):
        compute_related_count(self, "ltsa_request_count", "jmsc.ltsa.request", "partner_id")

    def action_view_ltsa_requests(self):
        return related_action(self, "jmsc_ltsa.jmsc_ltsa_request_action", "partner_id")

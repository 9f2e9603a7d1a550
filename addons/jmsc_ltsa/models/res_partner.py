from odoo import fields, models

LTSA_READERS = "jmsc_ltsa.group_ltsa_officer,jmsc_base.group_jmsc_provincial_officer"


class ResPartner(models.Model):
    _inherit = "res.partner"

    ltsa_request_ids = fields.One2many("jmsc.ltsa.request", "partner_id", string="LTSA Requests", groups=LTSA_READERS)
    ltsa_ticket_ids = fields.One2many("jmsc.ltsa.ticket", "partner_id", string="LTSA Tickets", groups=LTSA_READERS)
    ltsa_request_count = fields.Integer(
        compute="_compute_ltsa_request_count", string="LTSA Visits", groups=LTSA_READERS
    )

    def _compute_ltsa_request_count(self):
        counts = dict(
            self.env["jmsc.ltsa.request"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.ltsa_request_count = counts.get(partner, 0)

    def action_view_ltsa_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_ltsa.jmsc_ltsa_request_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

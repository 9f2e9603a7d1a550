from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

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

    @api.model
    def _jmsc_ltsa_migrant_card(self, nik):
        """The minimal card of the migrant with this NIK (jmsc_base's `jmsc_migrant_card`).

        Fallback while jmsc_base does not ship it yet: the same card, computed here.
        """
        if hasattr(type(self), "jmsc_migrant_card"):
            return self.jmsc_migrant_card(nik)
        if not self.env.user._is_internal():  # pragma: no cover - fallback only
            raise AccessError(self.env._("Only internal users can look a migrant up by NIK."))
        number = "".join((nik or "").split())
        if not (len(number) == 16 and number.isascii() and number.isdigit()):
            raise UserError(self.env._("The NIK %(nik)s is invalid: it must be 16 digits.", nik=number or "-"))
        # sudo: only the card below leaves this method, never the record.
        migrant = (
            self.sudo()
            .with_context(active_test=False)
            .search([("nik", "=", number), ("is_migrant", "=", True)], limit=1)
        )
        if not migrant:
            return {"match": False, "partner_id": False, "initials": "", "regency": ""}
        return {
            "match": True,
            "partner_id": migrant.id,
            "initials": " ".join(f"{part[0].upper()}." for part in migrant.name.split() if part),
            "regency": migrant.regency_id.name or "",
        }

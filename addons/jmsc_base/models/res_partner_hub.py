from odoo import fields, models


class ResPartner(models.Model):
    """The migrant form is the hub: counts for its smart buttons (other modules add theirs)."""

    _inherit = "res.partner"

    family_member_count = fields.Integer(string="Family Member Count", compute="_compute_jmsc_hub_counts")
    consent_count = fields.Integer(string="Active Consents", compute="_compute_jmsc_hub_counts")

    def _compute_jmsc_hub_counts(self):
        families = dict(
            self.env["jmsc.family.member"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        consents = dict(
            self.env["jmsc.consent"]._read_group(
                [("partner_id", "in", self.ids), ("withdrawal_date", "=", False)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.family_member_count = families.get(partner._origin, 0)
            partner.consent_count = consents.get(partner._origin, 0)

    def action_view_family_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Family of %s", self.display_name),
            "res_model": "jmsc.family.member",
            "view_mode": "list,form",
            "views": [(self.env.ref("jmsc_base.jmsc_family_member_view_list").id, "list"), (False, "form")],
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_view_consents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.jmsc_consent_action")
        action.update(
            name=self.env._("Consents of %s", self.display_name),
            domain=[("partner_id", "=", self.id)],
            context={"default_partner_id": self.id},
        )
        return action

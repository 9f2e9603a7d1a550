from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_member_ids = fields.One2many("jmsc.coop.member", "partner_id", string="Cooperative Memberships")
    coop_member_count = fields.Integer(compute="_compute_coop_member_count", string="Memberships")
    coop_member_sequence_id = fields.Many2one(
        "ir.sequence", string="Member Number Sequence", copy=False, groups="base.group_system"
    )

    @api.depends("coop_member_ids")
    def _compute_coop_member_count(self):
        counts = dict(
            self.env["jmsc.coop.member"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.coop_member_count = counts.get(partner, 0)

    def _coop_next_member_number(self):
        """The next member number of this cooperative, from its own sequence (created on first use)."""
        self.ensure_one()
        cooperative = self.sudo()
        if not cooperative.coop_member_sequence_id:
            cooperative.coop_member_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Members of %s", cooperative.name),
                        "code": f"jmsc.coop.member.{cooperative.id}",
                        "prefix": f"{cooperative.ref or 'KOP%s' % cooperative.id}-",
                        "padding": 5,
                        "implementation": "standard",
                    }
                )
            )
        return cooperative.coop_member_sequence_id.next_by_id()

    def action_open_coop_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_cooperative.jmsc_coop_member_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

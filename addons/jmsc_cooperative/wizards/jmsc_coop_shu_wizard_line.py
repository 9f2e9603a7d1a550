from odoo import fields, models


class JmscCoopShuWizardLine(models.TransientModel):
    _name = "jmsc.coop.shu.wizard.line"
    _inherit = ["jmsc.coop.money.mixin"]
    _description = "Profit Share Preview Line"

    wizard_id = fields.Many2one("jmsc.coop.shu.wizard", required=True, ondelete="cascade")
    member_id = fields.Many2one("jmsc.coop.member", readonly=True)
    basis = fields.Monetary(readonly=True)
    share = fields.Monetary(readonly=True)

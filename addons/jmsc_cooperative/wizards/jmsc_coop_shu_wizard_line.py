from odoo import fields, models


class JmscCoopShuWizardLine(models.TransientModel):
    _name = "jmsc.coop.shu.wizard.line"
    _description = "Profit Share Preview Line"

    wizard_id = fields.Many2one("jmsc.coop.shu.wizard", required=True, ondelete="cascade")
    member_id = fields.Many2one("jmsc.coop.member", readonly=True)
    basis = fields.Float(digits=(16, 2), readonly=True)
    share = fields.Float(digits=(16, 2), readonly=True)

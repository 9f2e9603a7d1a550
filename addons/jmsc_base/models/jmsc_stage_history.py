from odoo import fields, models

from .res_partner import MIGRATION_STAGES


class JmscStageHistory(models.Model):
    """A dated step of a migrant through the migration stages."""

    _name = "jmsc.stage.history"
    _description = "Migration Stage History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Migrant", required=True, ondelete="cascade", index=True)
    stage_from = fields.Selection(MIGRATION_STAGES, string="From Stage")
    stage_to = fields.Selection(MIGRATION_STAGES, string="To Stage", required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user, readonly=True)

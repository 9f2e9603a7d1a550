from odoo import api, fields, models

from .jmsc_training_room import CENTRE_DOMAIN


class JmscTrainingTrainer(models.Model):
    """A trainer: a contact, optionally a user, and the programmes they may teach."""

    _name = "jmsc.training.trainer"
    _description = "Trainer"
    _order = "name"

    name = fields.Char(related="partner_id.name", store=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Contact", required=True, index=True, ondelete="restrict")
    user_id = fields.Many2one("res.users", index=True, ondelete="set null")
    centre_id = fields.Many2one("res.partner", domain=CENTRE_DOMAIN, index=True)
    programme_ids = fields.Many2many("jmsc.training.programme", string="Programmes Taught")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_unique", "unique(partner_id)", "This contact is already a trainer."),
    ]

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id and not self.partner_id:
            self.partner_id = self.user_id.partner_id

from odoo import api, fields, models


class JmscAgencyTypeApplyWizard(models.TransientModel):
    """Preview of the roles each user gains or loses before the agency types are applied."""

    _name = "jmsc.agency.type.apply.wizard"
    _description = "Apply Agency Roles: Preview"

    agency_type_ids = fields.Many2many("jmsc.agency.type", string="Agency Types", readonly=True)
    line_ids = fields.One2many("jmsc.agency.type.apply.line", "wizard_id", string="Changes", readonly=True)
    user_count = fields.Integer(string="Users Affected", compute="_compute_user_count")

    @api.depends("line_ids.user_id")
    def _compute_user_count(self):
        for wizard in self:
            wizard.user_count = len(wizard.line_ids.user_id)

    def action_apply(self):
        self.ensure_one()
        return self.agency_type_ids.action_apply_to_users()


class JmscAgencyTypeApplyLine(models.TransientModel):
    _name = "jmsc.agency.type.apply.line"
    _description = "Apply Agency Roles: One Change"
    _order = "user_id, change, group_id"

    wizard_id = fields.Many2one("jmsc.agency.type.apply.wizard", required=True, ondelete="cascade")
    agency_type_id = fields.Many2one("jmsc.agency.type", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
    agency_id = fields.Many2one(related="user_id.jmsc_agency_id", string="Agency")
    group_id = fields.Many2one("res.groups", string="Role", readonly=True)
    change = fields.Selection([("gain", "Gains"), ("lose", "Loses")], readonly=True)

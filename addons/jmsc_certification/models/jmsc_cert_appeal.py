from odoo import fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.addons.jmsc_training.tools import log_system_note
from odoo.exceptions import UserError


class JmscCertAppeal(models.Model):
    """A candidate's appeal (banding) against an assessment decision, and its outcome."""

    _name = "jmsc.cert.appeal"
    _description = "Assessment Appeal"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    application_id = fields.Many2one("jmsc.cert.application", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="application_id.partner_id", string="Candidate", store=True, index=True)
    lsp_id = fields.Many2one(related="application_id.lsp_id", string="LSP", store=True, index=True)
    regency_id = fields.Many2one(related="application_id.regency_id", store=True)
    date = fields.Date(required=True, default=office_today)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("open", "Open"), ("upheld", "Upheld: re-assessment"), ("rejected", "Rejected: decision stands")],
        required=True,
        default="open",
        tracking=True,
    )
    outcome = fields.Text(tracking=True, help="The appeal panel's decision and its grounds.")
    decision_date = fields.Date(readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)

    def _compute_display_name(self):
        for appeal in self:
            appeal.display_name = self.env._("Appeal %s", appeal.application_id.name)

    def _decide(self, state):
        for appeal in self:
            if appeal.state != "open":
                raise UserError(self.env._("%s has already been decided.", appeal.display_name))
            if not appeal.outcome:
                raise UserError(self.env._("%s: write the outcome before deciding.", appeal.display_name))
        self.write({"state": state, "decision_date": office_today(self), "decided_by_id": self.env.uid})
        labels = dict(self._fields["state"]._description_selection(self.env))
        for appeal in self:
            log_system_note(
                appeal.application_id,
                self.env._(
                    "Appeal decided: %(state)s. %(outcome)s", state=labels[appeal.state], outcome=appeal.outcome
                ),
            )

    def action_uphold(self):
        self._decide("upheld")

    def action_reject(self):
        self._decide("rejected")

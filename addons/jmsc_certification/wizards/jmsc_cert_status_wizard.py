from odoo import fields, models


class JmscCertStatusWizard(models.TransientModel):
    """Suspend, revoke or reinstate a certificate, with a mandatory reason."""

    _name = "jmsc.cert.status.wizard"
    _description = "Certificate Status Change"

    certificate_id = fields.Many2one("jmsc.cert.certificate", required=True, ondelete="cascade")
    new_state = fields.Selection(
        [("suspended", "Suspend"), ("revoked", "Revoke"), ("valid", "Reinstate")], string="Action", required=True
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.certificate_id._change_status(self.new_state, self.reason)
        return {"type": "ir.actions.act_window_close"}

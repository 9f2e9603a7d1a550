from odoo import fields, models
from odoo.exceptions import UserError


class JmscCertApplyWizard(models.TransientModel):
    """Apply by NIK: LSP staff type the NIK on the candidate's KTP and see only a minimal card (initials and
    regency) before registering the application; the profile opens only once the candidate applied."""

    _name = "jmsc.cert.apply.wizard"
    _inherit = "jmsc.migrant.card.mixin"
    _description = "Apply by NIK"

    scheme_id = fields.Many2one("jmsc.cert.scheme", required=True, ondelete="cascade")
    nik = fields.Char(help="The 16 digits on the candidate's KTP.")

    def action_apply(self):
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group("jmsc_certification.group_cert_lsp_staff")):
            raise UserError(self.env._("Only the staff of an LSP register applications by NIK."))
        # The scheme must be one the user manages (record rules: their own LSP).
        self.scheme_id.check_access("write")
        self.env["jmsc.cert.application"].check_access("create")
        card = self._jmsc_card_or_raise()
        # sudo after the checks above: the officer proved the NIK; the draft application is created without the
        # officer reading the profile first. Constraints (one open application per scheme, own LSP) still apply.
        application = (
            self.env["jmsc.cert.application"]
            .sudo()
            .create({"partner_id": card["partner_id"], "scheme_id": self.scheme_id.id})
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "jmsc.cert.application",
            "res_id": application.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

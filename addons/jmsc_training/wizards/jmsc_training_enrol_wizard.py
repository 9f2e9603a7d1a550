from odoo import fields, models
from odoo.exceptions import UserError


class JmscTrainingEnrolWizard(models.TransientModel):
    """Enrol by NIK: the officer types the NIK from the migrant's KTP and sees only a minimal card
    (initials and regency) before enrolling; the migrant's profile opens only once they are a trainee."""

    _name = "jmsc.training.enrol.wizard"
    _inherit = "jmsc.migrant.card.mixin"
    _description = "Enrol by NIK"

    batch_id = fields.Many2one(
        "jmsc.training.batch", required=True, domain=[("state", "in", ("open", "running"))], ondelete="cascade"
    )
    nik = fields.Char(help="The 16 digits on the migrant's KTP.")

    def action_enrol(self):
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group("jmsc_training.group_training_centre_staff")):
            raise UserError(self.env._("Only the staff of a training centre enrol by NIK."))
        # The user must be allowed to enrol in this batch (record rules: their own centre).
        self.batch_id.check_access("write")
        self.env["jmsc.training.enrolment"].check_access("create")
        card = self._jmsc_card_or_raise()
        # sudo after the checks above: the officer proved the NIK; the enrolment is created without the
        # officer reading the profile first. Constraints (double enrolment, prerequisites) still apply.
        enrolment = (
            self.env["jmsc.training.enrolment"]
            .sudo()
            .create({"partner_id": card["partner_id"], "batch_id": self.batch_id.id})
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "jmsc.training.enrolment",
            "res_id": enrolment.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

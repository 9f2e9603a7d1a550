from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import migrant_card


class JmscTrainingEnrolWizard(models.TransientModel):
    """Enrol by NIK: the officer types the NIK from the migrant's KTP and sees only a minimal card
    (initials and regency) before enrolling; the migrant's profile opens only once they are a trainee."""

    _name = "jmsc.training.enrol.wizard"
    _description = "Enrol by NIK"

    batch_id = fields.Many2one(
        "jmsc.training.batch", required=True, domain=[("state", "in", ("open", "running"))], ondelete="cascade"
    )
    nik = fields.Char(string="NIK", required=True, help="The 16 digits on the migrant's KTP.")
    match = fields.Boolean(readonly=True)
    searched = fields.Boolean(readonly=True)
    initials = fields.Char(readonly=True)
    regency = fields.Char(readonly=True)

    @api.onchange("nik")
    def _onchange_nik(self):
        self.searched = False
        self.match = False
        self.initials = self.regency = False
        digits = "".join(ch for ch in (self.nik or "") if ch.isdigit())
        if len(digits) == 16:
            card = self.env["res.partner"]._jmsc_migrant_card_or_none(digits)
            self.searched = True
            self.match = card["match"]
            self.initials = card["initials"]
            self.regency = card["regency"]

    def action_enrol(self):
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group("jmsc_training.group_training_centre_staff")):
            raise UserError(self.env._("Only the staff of a training centre enrol by NIK."))
        # The user must be allowed to enrol in this batch (record rules: their own centre).
        self.batch_id.check_access("write")
        self.env["jmsc.training.enrolment"].check_access("create")
        card = migrant_card(self.env, self.nik)
        if not card["match"]:
            raise UserError(
                self.env._(
                    "No migrant is registered with NIK %s: ask the regency officer to register them first.", self.nik
                )
            )
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

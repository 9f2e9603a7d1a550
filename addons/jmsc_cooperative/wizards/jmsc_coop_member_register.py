from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import AccessError, UserError

from ..models.ledger_guard import allow


class JmscCoopMemberRegister(models.TransientModel):
    """Register a migrant as a member, found by NIK: the teller sees only a minimal card (initials,
    regency, match yes/no), never the registry record, until the membership exists."""

    _name = "jmsc.coop.member.register"
    _description = "Register Cooperative Member"

    nik = fields.Char(string="NIK", help="The 16 digits on the person's KTP.")
    cooperative_id = fields.Many2one(
        "res.partner",
        required=True,
        readonly=True,
        default=lambda self: self.env["jmsc.coop.member"]._default_cooperative(),
    )
    join_date = fields.Date(required=True, default=office_today)
    match = fields.Boolean(compute="_compute_card")
    initials = fields.Char(compute="_compute_card")
    regency = fields.Char(string="Regency/City", compute="_compute_card")
    card_message = fields.Char(compute="_compute_card")

    @api.depends("nik")
    def _compute_card(self):
        for wizard in self:
            try:
                card, invalid = wizard._card(), False
            except UserError as err:
                # A NIK being typed or mistyped: say why on the card, do not interrupt the officer.
                card, invalid = {"match": False, "partner_id": False, "initials": "", "regency": ""}, err.args[0]
            wizard.match = card["match"]
            wizard.initials = card["initials"]
            wizard.regency = card["regency"]
            if not wizard.nik:
                wizard.card_message = False
            elif invalid:
                wizard.card_message = invalid
            elif card["match"]:
                wizard.card_message = self.env._("Registered migrant found.")
            else:
                wizard.card_message = self.env._(
                    "No registered migrant has this NIK: ask the regency officer to register the person first."
                )

    def _card(self):
        nik = (self.nik or "").strip()
        empty = {"match": False, "partner_id": False, "initials": "", "regency": ""}
        if not nik:
            return empty
        return self.env["res.partner"].jmsc_migrant_card(nik)

    def _check_cooperative(self):
        if not self.env.user.has_group("jmsc_cooperative.group_coop_staff"):
            raise AccessError(self.env._("Only cooperative staff can register members."))
        if not self.cooperative_id:
            raise UserError(self.env._("Your user is not attached to a cooperative."))
        self.cooperative_id._coop_check_user_cooperative()

    def action_register(self):
        self.ensure_one()
        self._check_cooperative()
        card = self._card()  # looked up again on the server: nothing the client sent is trusted
        if not card["match"]:
            raise UserError(
                self.env._(
                    "No registered migrant has the NIK %s: ask the regency officer to register the person first.",
                    self.nik,
                )
            )
        Member = self.env["jmsc.coop.member"]
        existing = Member.sudo().search(
            [("partner_id", "=", card["partner_id"]), ("cooperative_id", "=", self.cooperative_id.id)], limit=1
        )
        if existing:
            raise UserError(self.env._("This person is already member %s of the cooperative.", existing.number))
        with allow("member_registration"):
            member = Member.create(
                {
                    "partner_id": card["partner_id"],
                    "cooperative_id": self.cooperative_id.id,
                    "join_date": self.join_date,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "jmsc.coop.member",
            "res_id": member.id,
            "view_mode": "form",
            "target": "current",
        }

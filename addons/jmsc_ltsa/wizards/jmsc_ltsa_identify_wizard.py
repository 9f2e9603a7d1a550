from odoo import api, fields, models
from odoo.exceptions import UserError


class JmscLtsaIdentifyWizard(models.TransientModel):
    """Who is the walk-in visitor? Find them by NIK (minimal card) or register a new Calon PMI."""

    _name = "jmsc.ltsa.identify.wizard"
    _description = "LTSA: Identify the Visitor"

    desk_id = fields.Many2one("jmsc.ltsa.desk", required=True, ondelete="cascade")
    ticket_id = fields.Many2one(related="desk_id.current_ticket_id")
    nik = fields.Char(string="NIK", required=True, help="The 16 digits on the visitor's KTP.")
    searched = fields.Boolean(readonly=True)
    match = fields.Boolean(string="Found", readonly=True)
    card_initials = fields.Char(string="Initials", readonly=True)
    card_regency = fields.Char(string="Regency/City", readonly=True)
    name = fields.Char(string="Full Name (as on the KTP)")
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City of Residence")
    mobile = fields.Char()

    @api.onchange("nik")
    def _onchange_nik(self):
        self.searched = False
        self.match = False
        self.card_initials = False
        self.card_regency = False

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Identify the Visitor"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _ticket(self):
        self.ensure_one()
        self.desk_id.check_access("write")
        return self.desk_id._ensure_current()

    def action_search(self):
        self._ticket()
        card = self.env["res.partner"].jmsc_migrant_card(self.nik)
        self.write(
            {
                "searched": True,
                "match": card["match"],
                "card_initials": card["initials"],
                "card_regency": card["regency"],
            }
        )
        return self._reopen()

    def _done(self, ticket, message):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "success", "message": message, "next": {"type": "ir.actions.act_window_close"}},
        }

    def action_link(self):
        ticket = self._ticket()
        card = self.env["res.partner"].jmsc_migrant_card(self.nik)
        if not card["match"]:
            raise UserError(self.env._("No migrant has the NIK %(nik)s: register the visitor instead.", nik=self.nik))
        ticket._link_partner(card["partner_id"])
        return self._done(
            ticket,
            self.env._(
                "Visitor %(initials)s (%(regency)s) is linked to ticket %(ticket)s.",
                initials=card["initials"],
                regency=card["regency"],
                ticket=ticket.name,
            ),
        )

    def action_register(self):
        """Register a new Calon PMI with the registry's rules (valid and unique NIK, regency required)."""
        ticket = self._ticket()
        if not self.env.user.has_group("jmsc_ltsa.group_ltsa_officer"):
            raise UserError(self.env._("Only desk officers can register a visitor at the desk."))
        card = self.env["res.partner"].jmsc_migrant_card(self.nik)
        if card["match"]:
            raise UserError(
                self.env._(
                    "The NIK %(nik)s is already registered (%(initials)s): link it instead.",
                    nik=self.nik,
                    initials=card["initials"],
                )
            )
        if not self.name or not self.regency_id:
            raise UserError(self.env._("Enter the full name and the regency or city to register the visitor."))
        # sudo after the checks above: the officer has no right to create migrants in general, only the
        # visitor at their desk; the registry's constraints (NIK valid and unique, regency) still apply.
        partner = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": self.name.strip(),
                    "nik": self.nik,
                    "regency_id": self.regency_id.id,
                    "mobile": self.mobile or False,
                    "is_migrant": True,
                    "migration_stage": "prospective",
                }
            )
        )
        ticket._link_partner(partner.id)
        return self._done(
            ticket,
            self.env._(
                "%(name)s is registered as a Calon PMI and linked to ticket %(ticket)s.",
                name=partner.name,
                ticket=ticket.name,
            ),
        )

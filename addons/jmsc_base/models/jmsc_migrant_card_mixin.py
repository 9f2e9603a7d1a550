from odoo import api, fields, models
from odoo.exceptions import UserError


class JmscMigrantCardMixin(models.AbstractModel):
    """A wizard that finds a migrant by the NIK on their KTP and shows only the minimal card.

    The user sees initials and regency (`res.partner.jmsc_migrant_card`) while typing; the wizard's
    action then calls `_jmsc_card_or_raise()` and creates its relation with the card's partner id.
    """

    _name = "jmsc.migrant.card.mixin"
    _description = "Find a Migrant by NIK (minimal card)"

    nik = fields.Char(string="NIK", required=True, help="The 16 digits on the person's KTP.")
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

    def _jmsc_card_or_raise(self):
        """The card of the migrant with this NIK; a clear error when the NIK is invalid or unknown."""
        self.ensure_one()
        card = self.env["res.partner"].jmsc_migrant_card(self.nik)
        if not card["match"]:
            raise UserError(
                self.env._(
                    "No migrant is registered with NIK %s: ask the regency officer to register them first.", self.nik
                )
            )
        return card

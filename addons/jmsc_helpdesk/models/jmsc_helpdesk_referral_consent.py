"""A referral shares the migrant's data with an agency: only with the migrant's consent to share with that
agency type, or a lawful basis, which the referral records (UU PDP 27/2022; readme/SECURITY.md "Consent")."""

from odoo import api, fields, models
from odoo.exceptions import UserError

SHARING_BASES = [
    ("consent", "Consent of the migrant"),
    ("contract", "Contract with the migrant"),
    ("legal_obligation", "Legal obligation"),
    ("vital_interest", "Vital interest"),
    ("public_task", "Public task"),
    ("legitimate_interest", "Legitimate interest"),
    ("no_personal_data", "No migrant data shared"),
]
# Write guard: the basis is set only by _jmsc_check_sharing (a JSON-RPC client cannot produce this token).
SHARING_TOKEN = object()
SHARING_CONTEXT_KEY = "jmsc_helpdesk_referral_sharing"


class JmscHelpdeskReferral(models.Model):
    _inherit = "jmsc.helpdesk.referral"

    jmsc_sharing_basis = fields.Selection(
        SHARING_BASES,
        string="Basis for Sharing",
        readonly=True,
        copy=False,
        help="Why the migrant's data may be shared with this agency: the migrant's consent to share with "
        "its agency type, or the lawful basis recorded.",
    )
    jmsc_vital_interest = fields.Boolean(
        string="Vital Interest",
        copy=False,
        help="The migrant's life or health is at risk and the consent cannot be obtained in time "
        "(UU PDP art. 20): the referral goes ahead without consent, with the justification recorded.",
    )
    jmsc_basis_note = fields.Char(string="Justification", copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                vals.pop("jmsc_sharing_basis", None)
        referrals = super().create(vals_list)
        referrals._jmsc_check_sharing()
        return referrals

    def write(self, vals):
        if self.env.context.get(SHARING_CONTEXT_KEY) is SHARING_TOKEN:
            return super().write(vals)
        if "jmsc_sharing_basis" in vals and not self.env.su:
            raise UserError(
                self.env._("The basis for sharing of a referral is set by the system from the consent register.")
            )
        res = super().write(vals)
        if {"agency_id", "ticket_id", "jmsc_vital_interest", "jmsc_basis_note"} & vals.keys():
            self._jmsc_check_sharing()
        return res

    def _jmsc_check_sharing(self):
        """Record on each referral the basis for sharing the migrant's data with its agency, or refuse it."""
        bases_by_type = {}
        for agency_type in self.agency_type_id:
            referrals = self.filtered(lambda r, t=agency_type: r.agency_type_id == t)
            bases_by_type[agency_type] = referrals.ticket_id.jmsc_migrant_id._jmsc_consent_bases("sharing", agency_type)
        labels = dict(self._fields["jmsc_sharing_basis"]._description_selection(self.env))
        for referral in self:
            ticket = referral.ticket_id
            migrant = ticket.jmsc_migrant_id
            note = referral.jmsc_basis_note
            if not migrant:
                basis = "no_personal_data"
            elif basis := bases_by_type.get(referral.agency_type_id, {}).get(migrant.id):
                pass
            elif ticket.jmsc_is_sensitive:
                basis = "legal_obligation"
                note = note or self.env._("Protection case (UU 18/2017 on the protection of migrant workers)")
            elif referral.jmsc_vital_interest and (note or "").strip():
                basis = "vital_interest"
            else:
                raise UserError(
                    self.env._(
                        "Case %(case)s cannot be referred to %(agency)s: the migrant %(migrant)s has not consented "
                        "to share their data with %(type)s, and no lawful basis applies. Record the consent on the "
                        "migrant's Consent tab, or tick Vital Interest with a justification if the migrant's life "
                        "or health is at risk.",
                        case=ticket.number,
                        agency=referral.agency_id.name,
                        migrant=migrant.name,
                        type=referral.agency_type_id.name or self.env._("an agency without type"),
                    )
                )
            if referral.jmsc_sharing_basis == basis and referral.jmsc_basis_note == note:
                continue
            referral.with_context(**{SHARING_CONTEXT_KEY: SHARING_TOKEN}).write(
                {"jmsc_sharing_basis": basis, "jmsc_basis_note": note}
            )
            if basis not in ("consent", "no_personal_data"):
                ticket._jmsc_post_note(
                    self.env._(
                        "Referral to %(agency)s: the migrant's data is shared without consent, on the basis: "
                        "%(basis)s (%(note)s).",
                        agency=referral.agency_id.name,
                        basis=labels[basis],
                        note=note or "",
                    )
                )

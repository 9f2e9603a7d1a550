# pylint: disable=consider-merging-classes-inherited
"""Consent per purpose (UU PDP 27/2022): which migrants' data may be processed for a purpose.

Contract 7 (helper brief): ``partners._jmsc_consent_allows(purpose, agency_type=False)`` returns the subset of
``partners`` whose data may be processed for ``purpose``: a consent given and not withdrawn, or another lawful
basis recorded for that purpose in the consent register (jmsc.consent). Every processing point calls it.
"""

from odoo import models
from odoo.exceptions import UserError

from ..tools.office_day import office_today

CONSENT_PURPOSE_CODES = frozenset(
    ("reminder_email", "reminder_sms", "reminder_whatsapp", "sharing", "portal", "statistics", "registry")
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_consent_allows(self, purpose, agency_type=False):
        """The partners of ``self`` whose data may be processed for ``purpose`` (one query for all).

        ``agency_type`` (a jmsc.agency.type record or id) is required for ``sharing``: a consent to share
        names the kind of agency; without it nobody may be shared with.
        """
        bases = self._jmsc_consent_bases(purpose, agency_type)
        return self.filtered(lambda p: p.id in bases)

    def _jmsc_consent_bases(self, purpose, agency_type=False):
        """{partner id: lawful basis} for the partners of ``self`` that may be processed for ``purpose``:
        ``consent`` when the migrant consented, else the other lawful basis recorded (one query)."""
        if purpose not in CONSENT_PURPOSE_CODES:
            raise ValueError(f"Unknown consent purpose {purpose!r}")
        partners = self.filtered("id")
        if not partners:
            return {}
        domain = [
            ("partner_id", "in", partners.ids),
            ("purpose", "=", purpose),
            ("state", "=", "active"),
            ("date", "<=", office_today(self)),
        ]
        if purpose == "sharing":
            agency_type_id = agency_type.id if isinstance(agency_type, models.BaseModel) else agency_type
            if not agency_type_id:
                return {}
            domain.append(("agency_type_id", "=", agency_type_id))
        # sudo: the caller learns only which of the partners it already holds may be processed and on which
        # basis, not the consent records themselves (a hotline agent or a cron may not read the register).
        bases = {}
        for partner, basis in self.env["jmsc.consent"].sudo()._read_group(domain, ["partner_id", "lawful_basis"]):
            if bases.get(partner.id) != "consent":
                bases[partner.id] = basis
        return bases

    def _jmsc_consent_refused(self, purpose, agency_type=False):
        """The migrants of ``self`` that may NOT be processed for ``purpose`` (other contacts are not
        in the consent register and are left alone)."""
        # sudo: only the migrant flag of partners the caller already holds is read, to decide; the result is
        # returned in the caller's environment.
        migrants = self.sudo().filtered("is_migrant")
        return self.browse((migrants - migrants._jmsc_consent_allows(purpose, agency_type)).ids)

    def write(self, vals):
        res = super().write(vals)
        if vals.get("is_migrant"):
            # A contact who already has a portal account and becomes a migrant needs the portal consent too,
            # as a migrant's new account does (res_users_consent.py). sudo: only to find the accounts of the
            # partners this user has just been allowed to write (officers may not read portal users); a search,
            # as the partners' cached user lists may predate an account made since.
            portal_users = self.env["res.users"].sudo().search([("partner_id", "in", self.ids), ("share", "=", True)])
            portal_users._jmsc_check_portal_consent()
        return res

    def _jmsc_check_consent(self, purpose, agency_type=False):
        """Raise a UserError naming the migrants of ``self`` without a basis for ``purpose``."""
        refused = self._jmsc_consent_refused(purpose, agency_type)
        if refused:
            purposes = dict(self.env["jmsc.consent"]._fields["purpose"]._description_selection(self.env))
            label = purposes[purpose]
            if agency_type:
                agency_type = self.env["jmsc.agency.type"].browse(
                    agency_type.id if isinstance(agency_type, models.BaseModel) else agency_type
                )
                label = f"{label} ({agency_type.sudo().name})"
            raise UserError(
                self.env._(
                    "%(names)s gave no consent (nor is another lawful basis recorded) for: %(purpose)s. "
                    "Record it on the Consent tab of the migrant first.",
                    names=", ".join(refused.mapped("display_name")),
                    purpose=label,
                )
            )

    def _jmsc_revoke_portal_access(self):
        """Close the portal accounts of these partners (their portal consent was withdrawn)."""
        # sudo: only called by jmsc.consent._jmsc_withdraw, whose caller was checked for write access to the
        # withdrawn consents of these very partners; closing a portal account needs the user administrator's rights.
        users = self.sudo().with_context(active_test=False).user_ids.filtered(lambda u: u.share and u.active)
        if users:
            users.write({"active": False})
            author = self.env.ref("base.partner_root")
            for partner in users.partner_id.sudo():
                partner.message_post(
                    body=self.env._("Portal access closed: the migrant withdrew the consent to portal access."),
                    author_id=author.id,
                    email_from=author.email_formatted,
                    subtype_xmlid="mail.mt_note",
                )
        return users

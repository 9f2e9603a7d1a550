import re

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    jmsc_case_ids = fields.One2many("helpdesk.ticket", "jmsc_migrant_id", string="Call Centre Cases")
    jmsc_case_count = fields.Integer(compute="_compute_jmsc_case_count", string="Case Count")

    @api.depends_context("uid")
    def _compute_jmsc_case_count(self):
        compute_related_count(self, "jmsc_case_count", "helpdesk.ticket", "jmsc_migrant_id")

    @api.model
    def _jmsc_card_partners(self, domain):
        # sudo: the card tells only initials and regency of an exact match (see readme/SECURITY.md); the
        # caller holds at least the internal user group (checked here) and gets no other field.
        if not self.env.user._is_internal():
            raise AccessError(self.env._("Only staff may look migrants up."))
        return self.sudo().with_context(active_test=True).search([("is_migrant", "=", True), *domain], limit=2)

    @api.model
    def _jmsc_card_of(self, partners):
        return self._jmsc_card_of_partner(partners)

    @api.model
    def _jmsc_migrant_card_by_identifier(self, term):
        """Card of the one migrant whose NIK, passport number or phone number is exactly ``term``.

        Exact identifiers only: an agent finds a caller of any regency without reading the registry.
        """
        term = (term or "").strip()
        digits = re.sub(r"\D", "", term)
        if re.fullmatch(r"\d{16}", term):
            card = self.env["res.partner"]._jmsc_migrant_card_or_none(term)
            if card.get("match"):
                return card
        passport = self.env.ref("jmsc_base.doc_type_passport", raise_if_not_found=False)
        if passport and re.fullmatch(r"[A-Za-z0-9]{6,12}", term) and not term.isdigit():
            # sudo: exact passport number match, answered as a card only (checked in _jmsc_card_partners).
            documents = (
                self.env["res.partner.id_number"]
                .sudo()
                .search([("name", "=ilike", term), ("category_id", "=", passport.id)])
            )
            if documents:
                return self._jmsc_card_of(self._jmsc_card_partners([("id", "in", documents.partner_id.ids)]))
        if 9 <= len(digits) <= 15 and not re.fullmatch(r"\d{16}", term):
            pattern = f"%{digits[-9:]}"
            rows = self.env.execute_query(
                SQL(
                    """SELECT id FROM res_partner
                        WHERE is_migrant AND active
                          AND (regexp_replace(COALESCE(mobile, ''), '\\D', '', 'g') LIKE %s
                               OR regexp_replace(COALESCE(phone, ''), '\\D', '', 'g') LIKE %s)
                        LIMIT 2""",
                    pattern,
                    pattern,
                )
            )
            if rows:
                return self._jmsc_card_of(self._jmsc_card_partners([("id", "in", [row[0] for row in rows])]))
        return self._jmsc_card_of(self.browse())

    @api.model
    def _jmsc_find_migrants(self, term, limit=None):
        """Migrants matching ``term``: an exact identifier (any regency, through the card) or a name among the
        migrants the user may already read (record rules apply)."""
        card = self._jmsc_migrant_card_by_identifier(term)
        if card["match"]:
            return self.browse(card["partner_id"])
        term = (term or "").strip()
        if not term:
            return self.browse()
        return self.search([("is_migrant", "=", True), ("name", "ilike", term)], limit=limit)

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if self.env.context.get("jmsc_migrant_search") and operator == "ilike" and value:
            # Exact identifiers find the migrant; the search itself keeps the record rules.
            card = self._jmsc_migrant_card_by_identifier(value)
            if card["match"]:
                domain = expression.OR([domain, [("id", "=", card["partner_id"])]])
        return domain

    def _jmsc_anonymize(self):
        """Also scrub who called and what was said on the migrants' cases; case type, dates and SLA stay."""
        # sudo: sensitive cases hidden from the caller must be scrubbed too (jmsc_base checks the rights).
        cases = self.env["helpdesk.ticket"].sudo().search([("jmsc_migrant_id", "in", self.ids)])
        cases.with_context(tracking_disable=True).write(
            {
                "jmsc_subject_name": False,
                "jmsc_caller_name": False,
                "jmsc_caller_phone": False,
                "partner_name": False,
                "partner_email": False,
                "description": self.env._("<p>Anonymised.</p>"),
                "notes": False,
            }
        )
        cases.jmsc_call_ids.write(
            {"caller_number": False, "caller_name": False, "caller_type": "anonymous", "notes": False}
        )
        return super()._jmsc_anonymize()

    def action_jmsc_view_cases(self):
        return related_action(self, "jmsc_helpdesk.helpdesk_ticket_action_jmsc_cases", "jmsc_migrant_id")

import re

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    jmsc_case_ids = fields.One2many("helpdesk.ticket", "jmsc_migrant_id", string="Call Centre Cases")
    jmsc_case_count = fields.Integer(compute="_compute_jmsc_case_count", string="Case Count")

    @api.depends_context("uid")
    def _compute_jmsc_case_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("jmsc_migrant_id", "in", self.ids)], ["jmsc_migrant_id"], ["__count"]
            )
        )
        for partner in self:
            partner.jmsc_case_count = counts.get(partner, 0)

    @api.model
    def _jmsc_migrant_domain(self, term):
        """Domains for migrants matching a NIK, a passport number, a phone number or a name, in that order.

        Passports and phone digits are matched in SQL (documents may be unreadable to the caller), then
        the partners are searched normally so that record rules still apply.
        """
        term = (term or "").strip()
        digits = re.sub(r"\D", "", term)
        domains = [[("nik", "=", term)]]
        passport = self.env.ref("jmsc_base.doc_type_passport", raise_if_not_found=False)
        if passport and term:
            documents = (
                self.env["res.partner.id_number"]
                .sudo()
                .search([("name", "=ilike", term), ("category_id", "=", passport.id)])
            )
            domains.append([("id", "in", documents.partner_id.ids)])
        if len(digits) >= 9:
            pattern = f"%{digits[-9:]}"
            rows = self.env.execute_query(
                SQL(
                    """SELECT id FROM res_partner
                        WHERE is_migrant
                          AND (regexp_replace(COALESCE(mobile, ''), '\\D', '', 'g') LIKE %s
                               OR regexp_replace(COALESCE(phone, ''), '\\D', '', 'g') LIKE %s)""",
                    pattern,
                    pattern,
                )
            )
            domains.append([("id", "in", [row[0] for row in rows])])
        domains.append([("name", "ilike", term)])
        return domains

    @api.model
    def _jmsc_find_migrants(self, term, limit=None):
        for domain in self._jmsc_migrant_domain(term):
            migrants = self.search([("is_migrant", "=", True), *domain], limit=limit)
            if migrants:
                return migrants
        return self.browse()

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if self.env.context.get("jmsc_migrant_search") and operator == "ilike" and value:
            extra = self._jmsc_migrant_domain(value)[:-1]
            domain = expression.OR([domain, *extra])
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
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_helpdesk.helpdesk_ticket_action_jmsc_cases")
        action["domain"] = [("jmsc_migrant_id", "=", self.id)]
        action["context"] = {"default_jmsc_migrant_id": self.id}
        return action

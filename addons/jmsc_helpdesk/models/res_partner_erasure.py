# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_helpdesk: cases, calls and referrals about a person (erasure and "data about me")."""

from odoo import models
from odoo.tools import plaintext2html


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        people = self.sudo().with_context(active_test=False)
        numbers = {n for p in people for n in (p.phone, p.mobile, p.phone_sanitized) if n}
        emails = {p.email for p in people if p.email}
        # sudo: sensitive cases hidden from the caller are about the person too (the callers check the rights)
        domain = ["|", ("jmsc_migrant_id", "in", people.ids), ("partner_id", "in", people.ids)]
        if numbers:
            domain = ["|", ("jmsc_caller_phone", "in", list(numbers))] + domain
        if emails:
            domain = ["|", ("partner_email", "in", list(emails))] + domain
        cases = self._jmsc_privacy_records("helpdesk.ticket", domain)
        Call = self.env["jmsc.helpdesk.call"].sudo()
        calls = Call.search([("ticket_id", "in", cases.ids)])
        if numbers:
            calls |= Call.search([("caller_number", "in", list(numbers))])
        purpose = self.env._("Protection of the migrant worker: complaints, trafficking (TPPO) and crisis cases")
        recipients = self.env._("The agencies the case is referred to (police, BP3MI, embassies, social services)")
        kept = self.env._(
            "Kept for the case statistics (type, dates, service level); names, contacts and texts are erased."
        )

        def case_values(case):
            return {
                "name": self.env._("Case %s", case.number or case.id),
                "description": plaintext2html(self.env._("Anonymised.")),
                "notes": False,
                "partner_name": False,
                "partner_email": False,
                "jmsc_subject_name": False,
                "jmsc_caller_name": False,
                "jmsc_caller_phone": False,
                "jmsc_migrant_lookup": False,
                "jmsc_decision": False,
                "jmsc_public_update": False,
            }

        return categories + self._jmsc_privacy_service(
            purpose,
            recipients,
            kept,
            [
                {
                    "key": "helpdesk_cases",
                    "label": self.env._("Call centre cases and complaints (including archived ones)"),
                    "records": cases,
                    "values": case_values,
                    "fields": [
                        "number",
                        "name",
                        "category_id",
                        "stage_id",
                        "create_date",
                        "closed_date",
                        "description",
                        "jmsc_caller_name",
                        "jmsc_caller_phone",
                        "partner_email",
                        "jmsc_subject_name",
                        "jmsc_country_id",
                        "jmsc_decision",
                        "jmsc_public_update",
                        "active",
                    ],
                },
                {
                    "key": "helpdesk_calls",
                    "label": self.env._("Calls (including calls without a case)"),
                    "records": calls,
                    "values": {
                        "caller_number": False,
                        "caller_name": False,
                        "caller_type": "anonymous",
                        "notes": False,
                    },
                    "recipients": self.env._("The call centre"),
                    "fields": [
                        "call_date",
                        "direction",
                        "caller_number",
                        "caller_name",
                        "caller_type",
                        "category_id",
                        "duration",
                        "notes",
                    ],
                },
                {
                    "key": "helpdesk_referrals",
                    "label": self.env._("Case referrals"),
                    "records": cases.jmsc_referral_ids,
                    "values": {"contact_name": False, "contact_phone": False, "outcome": False},
                    "fields": [
                        "agency_id",
                        "referral_date",
                        "contact_name",
                        "contact_phone",
                        "reference_number",
                        "state",
                        "outcome",
                    ],
                },
                {
                    "key": "helpdesk_escalations",
                    "label": self.env._("Case escalations"),
                    "records": cases.jmsc_escalation_ids,
                    "values": {"note": False},
                    "recipients": self.env._("The call centre"),
                    "fields": ["date", "kind", "note"],
                },
            ],
        )

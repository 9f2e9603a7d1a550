# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_ltsa: what the service desk holds about a person (erasure and "data about me")."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        people = self.sudo().with_context(active_test=False)
        requests = (
            self.env["jmsc.ltsa.request"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", people.ids)])
        )
        tickets = (
            self.env["jmsc.ltsa.ticket"]
            .sudo()
            .with_context(active_test=False)
            .search(["|", ("partner_id", "in", people.ids), ("request_id", "in", requests.ids)])
        )
        purpose = self.env._("Services of the one-stop service desk (LTSA)")
        recipients = self.env._(
            "The agencies at the LTSA desks (Disnaker, Imigrasi, BP3MI, banks, BPJS, police, health)"
        )
        kept = self.env._("Kept for the service-time statistics; issued document numbers and notes are erased.")
        categories += [
            {
                "key": "ltsa_requests",
                "label": self.env._("Service desk requests"),
                "records": requests,
                "action": "keep",
                "reason": kept,
                "purpose": purpose,
                "recipients": recipients,
                "fields": ["name", "site_id", "state", "confirmed_date", "done_date"],
            },
            {
                "key": "ltsa_steps",
                "label": self.env._("Service desk steps and issued documents"),
                "records": requests.step_ids,
                "action": "scrub",
                "values": {"output_number": False, "output_valid_until": False, "note": False},
                "reason": kept,
                "purpose": purpose,
                "recipients": recipients,
                "fields": [
                    "service_id",
                    "desk_id",
                    "state",
                    "finished_date",
                    "output_number",
                    "output_valid_until",
                    "note",
                ],
            },
            {
                "key": "ltsa_tickets",
                "label": self.env._("Queue tickets"),
                "records": tickets,
                "action": "scrub",
                "values": {"note": False},
                "reason": kept,
                "purpose": purpose,
                "recipients": recipients,
                "fields": ["name", "site_id", "day", "state", "issued_date", "note"],
            },
        ]
        return categories

# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_ltsa: what the service desk holds about a person (erasure and "data about me")."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        requests = self._jmsc_privacy_records("jmsc.ltsa.request")
        tickets = self._jmsc_privacy_records(
            "jmsc.ltsa.ticket", ["|", ("partner_id", "in", self.ids), ("request_id", "in", requests.ids)]
        )
        purpose = self.env._("Services of the one-stop service desk (LTSA)")
        recipients = self.env._(
            "The agencies at the LTSA desks (Disnaker, Imigrasi, BP3MI, banks, BPJS, police, health)"
        )
        kept = self.env._("Kept for the service-time statistics; issued document numbers and notes are erased.")
        return categories + self._jmsc_privacy_service(
            purpose,
            recipients,
            kept,
            [
                {
                    "key": "ltsa_requests",
                    "label": self.env._("Service desk requests"),
                    "records": requests,
                    "fields": ["name", "site_id", "state", "confirmed_date", "done_date"],
                },
                {
                    "key": "ltsa_steps",
                    "label": self.env._("Service desk steps and issued documents"),
                    "records": requests.step_ids,
                    "values": {"output_number": False, "output_valid_until": False, "note": False},
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
                    "values": {"note": False},
                    "fields": ["name", "site_id", "day", "state", "issued_date", "note"],
                },
            ],
        )

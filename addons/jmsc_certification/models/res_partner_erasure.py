# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_certification: what it holds about a person (erasure and "data about me")."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        applications = self._jmsc_privacy_records("jmsc.cert.application")
        certificates = self._jmsc_privacy_records("jmsc.cert.certificate")
        purpose = self.env._("Competency certification (BNSP)")
        recipients = self.env._("The certification body (LSP) and BNSP")
        kept = self.env._(
            "Kept: the LSP must account for every assessment and certificate it issued; notes are erased."
        )
        return categories + self._jmsc_privacy_service(
            purpose,
            recipients,
            kept,
            [
                {
                    "key": "cert_applications",
                    "label": self.env._("Certification applications"),
                    "records": applications,
                    "values": {"note": False},
                    "fields": ["name", "scheme_id", "event_id", "state", "result", "verified_date", "note"],
                },
                {
                    "key": "cert_results",
                    "label": self.env._("Assessment results"),
                    "records": applications.result_ids,
                    "values": {"note": False},
                    "fields": ["event_id", "unit_id", "attempt", "verdict", "assessor_id", "note"],
                },
                {
                    "key": "cert_appeals",
                    "label": self.env._("Appeals"),
                    "records": applications.appeal_ids,
                    "values": {"reason": "-", "outcome": False},
                    "fields": ["date", "reason", "state", "outcome", "decision_date"],
                },
                {
                    "key": "cert_certificates",
                    "label": self.env._("Competency certificates"),
                    "records": certificates,
                    "values": {"status_reason": False},
                    # the certificate's own path for its protected fields (no status or number changes)
                    "write": lambda certificate, vals: certificate._write_protected(vals),
                    "recipients": self.env._("The certification body (LSP), BNSP and whoever verifies the certificate"),
                    "fields": [
                        "name",
                        "registration_number",
                        "scheme_id",
                        "issue_date",
                        "expiry_date",
                        "state",
                        "status_reason",
                    ],
                },
            ],
        )

# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """Certification's part of the migrant timeline: certificates issued, expiring and withdrawn (one read)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        Certificate = self.env["jmsc.cert.certificate"]
        partners = partners.filtered("id")
        if not partners or not Certificate.has_access("read"):
            return events
        source = self.env._("Certification")
        states = self._jmsc_timeline_selection_labels("jmsc.cert.certificate", "state")
        certificates = Certificate.search_fetch(
            [("partner_id", "in", partners.ids)],
            ["partner_id", "name", "scheme_id", "issue_date", "expiry_date", "state", "status_date"],
        )
        for certificate in certificates:
            pid = certificate.partner_id.id
            scheme = certificate.scheme_id.name or ""
            detail = f"{scheme} ({certificate.name})"
            ref = ("jmsc.cert.certificate", certificate.id)
            events.append(
                self._jmsc_timeline_event(
                    pid,
                    certificate.issue_date,
                    "certificate_issued",
                    "jmsc_certification",
                    self.env._("Competency certificate issued"),
                    detail,
                    *ref,
                    "fa-certificate",
                    sequence=30,
                    source=source,
                )
            )
            if certificate.expiry_date:
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        certificate.expiry_date,
                        "certificate_expiry",
                        "jmsc_certification",
                        self.env._("Competency certificate expires"),
                        detail,
                        *ref,
                        "fa-hourglass-end",
                        sequence=90,
                        source=source,
                    )
                )
            if certificate.state in ("suspended", "revoked") and certificate.status_date:
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        certificate.status_date,
                        "certificate_status",
                        "jmsc_certification",
                        self.env._("Certificate status: %s", states.get(certificate.state, certificate.state)),
                        detail,
                        *ref,
                        "fa-exclamation-triangle",
                        sequence=40,
                        source=source,
                    )
                )
        return events

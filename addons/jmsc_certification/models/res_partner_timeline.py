# pylint: disable=consider-merging-classes-inherited
from odoo import api, models

# the kinds of events certification reports and their options (see _jmsc_timeline_source)
KINDS = {
    "certificate_issued": {"icon": "fa-certificate", "sequence": 30},
    "certificate_expiry": {"icon": "fa-hourglass-end", "sequence": 90},
    "certificate_status": {"icon": "fa-exclamation-triangle", "sequence": 40},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """Certification's part of the migrant timeline: certificates issued, expiring and withdrawn (one read)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        certificates = self._jmsc_timeline_read(
            "jmsc.cert.certificate",
            partners,
            ["partner_id", "name", "scheme_id", "issue_date", "expiry_date", "state", "status_date"],
        )
        add = self._jmsc_timeline_source(events, "jmsc_certification", KINDS, self.env._("Certification"))
        states = self._jmsc_timeline_selection_labels("jmsc.cert.certificate", "state")
        for certificate in certificates:
            detail = f"{certificate.scheme_id.name or ''} ({certificate.name})"
            title = self.env._("Competency certificate issued")
            add("certificate_issued", certificate, certificate.issue_date, title, detail)
            if certificate.expiry_date:
                title = self.env._("Competency certificate expires")
                add("certificate_expiry", certificate, certificate.expiry_date, title, detail)
            if certificate.state in ("suspended", "revoked") and certificate.status_date:
                title = self.env._("Certificate status: %s", states.get(certificate.state, certificate.state))
                add("certificate_status", certificate, certificate.status_date, title, detail)
        return events

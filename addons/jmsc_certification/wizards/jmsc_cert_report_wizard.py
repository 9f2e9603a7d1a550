from odoo import fields, models


class JmscCertReportWizard(models.TransientModel):
    """Filters for the certificate registry and statistics workbooks."""

    _name = "jmsc.cert.report.wizard"
    _description = "Certificate Registry Report"

    scheme_ids = fields.Many2many("jmsc.cert.scheme", string="Schemes")
    states = fields.Selection(
        [
            ("all", "All"),
            ("current", "Valid or expiring"),
            ("expired", "Expired"),
            ("withdrawn", "Suspended or revoked"),
        ],
        string="Status",
        required=True,
        default="all",
    )
    valid_on = fields.Date(help="Only certificates whose validity period covers this date.")

    def _certificate_domain(self):
        self.ensure_one()
        domain = []
        if self.scheme_ids:
            domain.append(("scheme_id", "in", self.scheme_ids.ids))
        states = {
            "current": ("valid", "expiring"),
            "expired": ("expired",),
            "withdrawn": ("suspended", "revoked"),
        }.get(self.states)
        if states:
            domain.append(("state", "in", states))
        if self.valid_on:
            valid_on = fields.Date.to_string(self.valid_on)
            domain += [("issue_date", "<=", valid_on), ("expiry_date", ">=", valid_on)]
        return domain

    def _report_action(self, xmlid):
        return self.env.ref(xmlid).report_action(
            None, data={"certificate_domain": self._certificate_domain()}, config=False
        )

    def action_print_registry(self):
        return self._report_action("jmsc_certification.action_report_certificate_registry_xlsx")

    def action_print_statistics(self):
        return self._report_action("jmsc_certification.action_report_certificate_statistics_xlsx")

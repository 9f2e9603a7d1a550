from odoo import http
from odoo.addons.jmsc_base.tools.portal import portal_counter
from odoo.addons.portal.controllers import portal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class CertificatePortal(portal.CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        return portal_counter(
            values, counters, "jmsc_certificate_count", "jmsc.cert.certificate", self._certificate_domain()
        )

    def _certificate_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    @http.route("/my/certificates", type="http", auth="user", website=True)
    def portal_my_certificates(self, **kwargs):
        certificates = request.env["jmsc.cert.certificate"].search(self._certificate_domain())
        values = self._prepare_portal_layout_values()
        values.update({"certificates": certificates, "page_name": "jmsc_certificates"})
        return request.render("jmsc_certification.portal_my_certificates", values)

    @http.route("/my/certificates/<int:certificate_id>", type="http", auth="user", website=True)
    def portal_certificate_pdf(self, certificate_id, download=False, **kwargs):
        try:
            certificate_sudo = self._document_check_access("jmsc.cert.certificate", certificate_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._show_report(
            model=certificate_sudo,
            report_type="pdf",
            report_ref="jmsc_certification.action_report_certificate",
            download=download,
        )

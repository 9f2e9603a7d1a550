from odoo import http
from odoo.http import request

PUBLIC_FIELDS = ["name", "scheme_id", "lsp_id", "issue_date", "expiry_date", "state"]


class CertificateVerification(http.Controller):
    @http.route("/jmsc/certificate/<string:token>", type="http", auth="public", methods=["GET"], sitemap=False)
    def certificate_verification(self, token, **kwargs):
        # Public lookup by the unguessable token only (never by id or number): sudo() is limited to this
        # exact-token search and to PUBLIC_FIELDS plus the masked holder name. Found or not, the same
        # search, read and template run, and every unknown token gets the same 404 page.
        certificate_sudo = request.env["jmsc.cert.certificate"].sudo().search([("token", "=", token)], limit=1)
        states = dict(certificate_sudo._fields["state"]._description_selection(request.env))
        values = {"certificate": False}
        for record in certificate_sudo.read(PUBLIC_FIELDS):
            values["certificate"] = dict(
                record, holder=certificate_sudo._masked_holder_name(), state_label=states[record["state"]]
            )
        return request.render(
            "jmsc_certification.certificate_verification_page",
            values,
            status=200 if certificate_sudo else 404,
            headers={"X-Robots-Tag": "noindex", "Cache-Control": "no-store"},
        )

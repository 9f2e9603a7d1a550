from odoo import http
from odoo.addons.jmsc_base.tools.public_page import open_public_page, too_many_requests
from odoo.addons.jmsc_base.tools.public_token import plausible_token
from odoo.http import request

PUBLIC_FIELDS = ["name", "scheme_id", "lsp_id", "issue_date", "expiry_date", "state"]
# A verifier scans one QR code at a time; a burst of guesses gets 429 instead of more look-ups.
VERIFY_LIMIT, VERIFY_WINDOW = 30, 60  # checks per client per minute


class CertificateVerification(http.Controller):
    @http.route("/jmsc/certificate/<string:token>", type="http", auth="public", methods=["GET"], sitemap=False)
    def certificate_verification(self, token, **kwargs):
        # Public lookup by the unguessable token only (never by id or number): sudo() is limited to this
        # exact-token search and to PUBLIC_FIELDS plus the masked holder name. Found or not, the same
        # search, read and template run, and every unknown token gets the same 404 page.
        headers, allowed = open_public_page("certification.verify", VERIFY_LIMIT, VERIFY_WINDOW)
        if not allowed:
            return too_many_requests(
                "jmsc_certification.certificate_verification_page", {"certificate": False}, headers
            )
        Certificate = request.env["jmsc.cert.certificate"].sudo()
        certificate_sudo = Certificate.search([("token", "=", token if plausible_token(token) else "")], limit=1)
        states = dict(Certificate._fields["state"]._description_selection(request.env))
        values = {"certificate": False}
        for record in certificate_sudo.read(PUBLIC_FIELDS):
            values["certificate"] = dict(
                record, holder=certificate_sudo._masked_holder_name(), state_label=states[record["state"]]
            )
        return request.render(
            "jmsc_certification.certificate_verification_page",
            values,
            status=200 if certificate_sudo else 404,
            headers=headers,
        )

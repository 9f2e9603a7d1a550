from odoo import http
from odoo.addons.jmsc_base.tools.public_page import open_public_page, too_many_requests
from odoo.addons.jmsc_base.tools.public_token import plausible_token
from odoo.http import request

# A verifier scans one QR code at a time: 30 look-ups a minute per client is plenty, and a burst of guesses
# gets 429 instead of more look-ups.
VERIFY_LIMIT, VERIFY_WINDOW = 30, 60  # checks per client per minute


class JmscTrainingCertificateController(http.Controller):
    # website=True makes it a frontend route, so web.frontend_layout (and portal's parts of it) render.
    @http.route(
        "/jmsc/training/certificate/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def verify_certificate(self, token):
        """Public check of a certificate by its unguessable token: no NIK, only the holder's initials."""
        headers, allowed = open_public_page("training.verify", VERIFY_LIMIT, VERIFY_WINDOW)
        if not allowed:
            return too_many_requests("jmsc_training.certificate_verification_page", {"certificate": None}, headers)
        enrolment = None
        if plausible_token(token):
            # sudo: an exact search on the unguessable token; only the fields below leave this method.
            enrolment = (
                request.env["jmsc.training.enrolment"]
                .sudo()
                .search(
                    [
                        ("verification_token", "=", token),
                        ("state", "=", "completed"),
                        ("certificate_number", "!=", False),
                    ],
                    limit=1,
                )
            )
        values = {"certificate": None}
        if enrolment:
            values["certificate"] = {
                "number": enrolment.certificate_number,
                "holder": " ".join(f"{word[0]}." for word in (enrolment.partner_id.name or "").split()),
                "programme": enrolment.programme_id.name,
                "centre": enrolment.centre_id.name,
                "date": enrolment.date_completed,
            }
        return request.render(
            "jmsc_training.certificate_verification_page",
            values,
            status=200 if enrolment else 404,
            headers=headers,
        )

from odoo import http
from odoo.http import request


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
        enrolment = (
            request.env["jmsc.training.enrolment"]
            .sudo()
            .search([("verification_token", "=", token), ("state", "=", "completed")], limit=1)
            if len(token) >= 16
            else None
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
        return request.render("jmsc_training.certificate_verification_page", values, status=200 if enrolment else 404)

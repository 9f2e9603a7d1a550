import hashlib

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

FORM_FIELDS = ("name", "contact", "migrant_name", "country_id", "category_id", "description")
# A field hidden from people (CSS) that bots fill in: such posts are dropped without a word.
HONEYPOT_FIELD = "website_url"
# (default count, window in seconds); the count can be changed with the system parameter
# ``jmsc_helpdesk.complaint_limit_<name>``.
LIMITS = {
    # per client: complaints sent in an hour
    "client": (5, 3600),
    # per client: status look-ups in ten minutes (tracking codes must not be guessed)
    "status": (30, 600),
    # every client together, per day: past it the form says to call the hotline
    "global": (200, 86400),
}


class JmscComplaintController(http.Controller):
    def _client_key(self):
        address = request.httprequest.remote_addr or "unknown"
        return hashlib.sha256(address.encode()).hexdigest()[:32]

    def _hit(self, name, key):
        count, window = LIMITS[name]
        # sudo: system parameters and the rate limiter have no public ACL by design (public callers hold no user).
        param = request.env["ir.config_parameter"].sudo().get_param(f"jmsc_helpdesk.complaint_limit_{name}") or ""
        if param.strip().isdigit():
            count = int(param)
        return request.env["jmsc.rate.limit"].sudo()._jmsc_hit(f"complaint:{name}:{key}", count, window)

    def _render(self, template, values, status=200):
        # The public pages speak Bahasa Indonesia whatever the visitor's browser says.
        if request.env["res.lang"]._lang_get("id_ID"):
            request.update_context(lang="id_ID")
        return request.render(template, values, status=status)

    def _too_many(self, reason):
        return self._render("jmsc_helpdesk.complaint_too_many", {"reason": reason}, status=429)

    def _form_values(self, values=None, error=None):
        return {
            "values": values or {},
            "error": error,
            "honeypot": HONEYPOT_FIELD,
            "categories": request.env["helpdesk.ticket.category"]
            .sudo()
            .search([("show_in_portal", "=", True), ("jmsc_code", "!=", False)]),
            "countries": request.env["res.country"].sudo().search([]),
        }

    @http.route("/jmsc/complaint", type="http", auth="public", methods=["GET"], website=False, sitemap=False)
    def complaint_form(self, **kwargs):
        return self._render("jmsc_helpdesk.complaint_form", self._form_values())

    @http.route(
        "/jmsc/complaint", type="http", auth="public", methods=["POST"], website=False, csrf=True, sitemap=False
    )
    def complaint_submit(self, **post):
        if post.get(HONEYPOT_FIELD):
            # A bot: it sees the usual answer, nothing is created or counted.
            return self._render("jmsc_helpdesk.complaint_thanks", {"code": False})
        if not self._hit("client", self._client_key()):
            return self._too_many("client")
        if not self._hit("global", "all"):
            return self._too_many("global")
        values = {key: post.get(key) for key in FORM_FIELDS}
        uploads = [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("attachment")
            if getattr(upload, "filename", None)
        ]
        try:
            code = request.env["helpdesk.ticket"]._jmsc_create_public_complaint(values, uploads)
        except ValidationError as error:
            return self._render("jmsc_helpdesk.complaint_form", self._form_values(values, error.args[0]), status=400)
        return self._render("jmsc_helpdesk.complaint_thanks", {"code": code})

    @http.route("/jmsc/complaint/status", type="http", auth="public", methods=["GET"], website=False, sitemap=False)
    def complaint_status(self, code=None, **kwargs):
        if code and not self._hit("status", self._client_key()):
            return self._too_many("status")
        status = request.env["helpdesk.ticket"]._jmsc_public_status(code) if code else None
        return self._render(
            "jmsc_helpdesk.complaint_status",
            {"code": code, "status": status},
            status=404 if code and not status else 200,
        )

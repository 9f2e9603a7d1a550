from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

FORM_FIELDS = ("name", "contact", "migrant_name", "country_id", "category_id", "description")


class JmscComplaintController(http.Controller):
    def _form_values(self, values=None, error=None):
        return {
            "values": values or {},
            "error": error,
            "categories": request.env["helpdesk.ticket.category"]
            .sudo()
            .search([("show_in_portal", "=", True), ("jmsc_code", "!=", False)]),
            "countries": request.env["res.country"].sudo().search([]),
        }

    @http.route("/jmsc/complaint", type="http", auth="public", methods=["GET"], website=False, sitemap=False)
    def complaint_form(self, **kwargs):
        return request.render("jmsc_helpdesk.complaint_form", self._form_values())

    @http.route(
        "/jmsc/complaint", type="http", auth="public", methods=["POST"], website=False, csrf=True, sitemap=False
    )
    def complaint_submit(self, **post):
        values = {key: post.get(key) for key in FORM_FIELDS}
        upload = None
        attachment = post.get("attachment")
        if attachment and getattr(attachment, "filename", None):
            upload = (attachment.filename, attachment.read())
        try:
            code = request.env["helpdesk.ticket"]._jmsc_create_public_complaint(values, upload)
        except ValidationError as error:
            return request.render("jmsc_helpdesk.complaint_form", self._form_values(values, error.args[0]), status=400)
        return request.render("jmsc_helpdesk.complaint_thanks", {"code": code})

    @http.route("/jmsc/complaint/status", type="http", auth="public", methods=["GET"], website=False, sitemap=False)
    def complaint_status(self, code=None, **kwargs):
        status = request.env["helpdesk.ticket"]._jmsc_public_status(code) if code else None
        return request.render(
            "jmsc_helpdesk.complaint_status",
            {"code": code, "status": status},
            status=404 if code and not status else 200,
        )

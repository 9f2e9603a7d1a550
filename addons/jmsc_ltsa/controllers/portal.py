from odoo import http
from odoo.addons.jmsc_base.tools.portal import portal_counter
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class LtsaPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        return portal_counter(values, counters, "ltsa_count", "jmsc.ltsa.request")

    @http.route(["/my/ltsa", "/my/ltsa/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_ltsa_requests(self, page=1, **kw):
        requests = request.env["jmsc.ltsa.request"]
        count = requests.search_count([])
        pager = portal_pager(url="/my/ltsa", total=count, page=page, step=self._items_per_page)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "ltsa_requests": requests.search([], limit=self._items_per_page, offset=pager["offset"]),
                "pager": pager,
                "page_name": "ltsa",
                "default_url": "/my/ltsa",
            }
        )
        return request.render("jmsc_ltsa.portal_my_ltsa_requests", values)

    @http.route(["/my/ltsa/<int:request_id>"], type="http", auth="public", website=True)
    def portal_my_ltsa_request(self, request_id, access_token=None, **kw):
        try:
            ltsa_request = self._document_check_access("jmsc.ltsa.request", request_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(ltsa_request, access_token, {"page_name": "ltsa"}, "my_ltsa_history", False)
        values["ltsa_request"] = ltsa_request
        return request.render("jmsc_ltsa.portal_my_ltsa_request", values)

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.http import request

from ..tools.portal import portal_migrant


class JmscTimelinePortal(CustomerPortal):
    @http.route("/my/timeline", type="http", auth="user", website=True)
    def portal_my_timeline(self, **kw):
        """The logged-in migrant's own timeline, read as the user: only their own records, no internal events."""
        migrant = portal_migrant()
        events = migrant._jmsc_timeline()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "jmsc_timeline",
                "events": migrant._jmsc_timeline_values(events, links=False),
            }
        )
        return request.render("jmsc_base.portal_my_timeline", values)

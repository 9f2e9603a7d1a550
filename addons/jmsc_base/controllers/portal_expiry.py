from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.http import request


class JmscExpiryPortal(CustomerPortal):
    @http.route()
    def home(self, **kw):
        """The portal home of a migrant lists their own expiring documents (the expiry engine's portal notice)."""
        response = super().home(**kw)
        partner = request.env.user.partner_id
        if partner.is_migrant and hasattr(response, "qcontext"):
            response.qcontext["jmsc_expiry_items"] = partner._jmsc_portal_expiry_items()
        return response

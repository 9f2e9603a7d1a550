from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.http import request

from ..tools.portal import portal_migrant


class JmscMigrantPortal(CustomerPortal):
    @http.route("/my/migrant-profile", type="http", auth="user", website=True)
    def portal_my_migrant_profile(self, **kw):
        """The logged-in migrant's own profile, read-only."""
        migrant = portal_migrant()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "jmsc_migrant_profile",
                # NIK and KK carry groups="jmsc_base.group_jmsc_identity"; a migrant reads their own (UU PDP
                # right of access), so the page reads the user's own partner, and only it, as superuser.
                "migrant": migrant.sudo(),
                "placements": migrant.placement_ids,
                "consents": migrant.consent_ids,
                # Portal users cannot read documents; these are the user's own, nothing else.
                "documents": migrant.sudo().id_numbers,
            }
        )
        return request.render("jmsc_base.portal_my_migrant_profile", values)

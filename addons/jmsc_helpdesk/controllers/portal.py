from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.http import request


class JmscCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    """The portal's sort, group and search labels are code terms of helpdesk_mgmt, which has no Indonesian
    file and whose code terms cannot be overridden from another module's PO: they are relabelled here."""

    @staticmethod
    def _jmsc_relabel(values, labels):
        """Gives the searchbar entries of ``values`` named in ``labels`` their translated label."""
        for key, label in labels.items():
            if key in values:
                values[key]["label"] = label
        return values

    def _ticket_get_searchbar_sortings(self):
        values = super()._ticket_get_searchbar_sortings()
        labels = {
            "date": request.env._("Newest"),
            "name": request.env._("Title"),
            "stage": request.env._("Stage"),
            "update": request.env._("Last Stage Update"),
        }
        return self._jmsc_relabel(values, labels)

    def _ticket_get_searchbar_groupby(self):
        values = super()._ticket_get_searchbar_groupby()
        labels = {"none": request.env._("None"), "category": request.env._("Category"), "stage": request.env._("Stage")}
        return self._jmsc_relabel(values, labels)

    def _ticket_get_searchbar_inputs(self):
        values = super()._ticket_get_searchbar_inputs()
        labels = {
            "all": request.env._("Search in All"),
            "number": request.env._("Search in Number"),
            "name": request.env._("Search in Title"),
        }
        return self._jmsc_relabel(values, labels)

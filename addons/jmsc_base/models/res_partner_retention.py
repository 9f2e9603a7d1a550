# pylint: disable=consider-merging-classes-inherited
"""Retention: people no retention rule may erase, whatever their dates say."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_retention_protected(self):
        """{partner_id: reason} for the people of ``self`` that retention must keep.

        Modules override it and call super. Here: the contacts of internal users and organisations.
        """
        users = (
            self.env["res.users"]
            .sudo()  # read-only lookup of which partners are internal users; no data leaves this method
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids), ("share", "=", False)])
        )
        kept = {partner_id: self.env._("Contact of an internal user") for partner_id in users.partner_id.ids}
        for partner in self.filtered("is_company"):
            kept.setdefault(partner.id, self.env._("Organisation"))
        return kept

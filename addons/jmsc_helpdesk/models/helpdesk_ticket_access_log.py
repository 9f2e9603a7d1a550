# pylint: disable=consider-merging-classes-inherited
"""Who saw what: opening a sensitive case (TPPO, violence) is logged (jmsc.access.log), and the log names the
migrant the case is about."""

from odoo import models
from odoo.addons.jmsc_base.models.jmsc_access_log import AccessLoggedReads

# Fields that tell nothing about the case: reading only these is no opening of the file.
HARMLESS_FIELDS = frozenset({"id", "display_name", "number", "jmsc_is_sensitive", "jmsc_sensitive_visible"})


class HelpdeskTicket(AccessLoggedReads, models.Model):
    _inherit = "helpdesk.ticket"

    def _jmsc_access_log_partners(self):
        # sudo: only the link is read, to name the person in the log; nothing is returned to the user
        return {ticket.id: (ticket.jmsc_migrant_id or ticket.partner_id).id for ticket in self.sudo()}

    def _jmsc_read_log_entries(self, result, fnames):
        read = sorted(set(fnames) - HARMLESS_FIELDS)
        if not read:
            return []
        ids = [values["id"] for values in result if isinstance(values.get("id"), int)]
        # sudo: only the sensitivity flag and the migrant are read, to decide and to name the log line
        sensitive = self.browse(ids).sudo().filtered("jmsc_is_sensitive")
        partners = sensitive._jmsc_access_log_partners()
        return [(ticket.id, partners.get(ticket.id), read) for ticket in sensitive]

# pylint: disable=consider-merging-classes-inherited
"""Who saw what: opening a sensitive case (TPPO, violence) is logged (jmsc.access.log), and the log names the
migrant the case is about."""

from odoo import api, models
from odoo.addons.jmsc_base.models.jmsc_access_log import read_write

# Fields that tell nothing about the case: reading only these is no opening of the file.
HARMLESS_FIELDS = frozenset({"id", "display_name", "number", "jmsc_is_sensitive", "jmsc_sensitive_visible"})


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Reads that the access log records write a line: these RPC entry points run on a read/write cursor
    # (Odoo 18 runs @api.readonly methods on a read-only one, e.g. a replica).

    @read_write
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model  # else call_kw takes the domain for ids (and searches everything)
    @read_write
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs):
        return super().search_read(domain=domain, fields=fields, offset=offset, limit=limit, order=order, **read_kwargs)

    @read_write
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @read_write
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def _jmsc_access_log_partners(self):
        # sudo: only the link is read, to name the person in the log; nothing is returned to the user
        return {ticket.id: (ticket.jmsc_migrant_id or ticket.partner_id).id for ticket in self.sudo()}

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if result and not self.env.su and fnames and set(fnames) - HARMLESS_FIELDS:
            ids = [values["id"] for values in result if isinstance(values.get("id"), int)]
            # sudo: only the sensitivity flag and the migrant are read, to decide and to name the log line
            sensitive = self.browse(ids).sudo().filtered("jmsc_is_sensitive")
            if sensitive:
                partners = sensitive._jmsc_access_log_partners()
                read = sorted(set(fnames) - HARMLESS_FIELDS)
                self.env["jmsc.access.log"]._jmsc_log(
                    "read", self._name, [(ticket.id, partners.get(ticket.id), read) for ticket in sensitive]
                )
        return result

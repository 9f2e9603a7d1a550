# pylint: disable=consider-merging-classes-inherited
"""Who saw what: reads of a person's NIK, KK number and health notes are logged (jmsc.access.log).

``_read_format`` serves both ``read`` (the web client's ``web_read``) and ``search_read`` (JSON-RPC
clients), so both are logged. A line is written for each record whose sensitive field was read and is set
(reading an empty field discloses nothing); the line names the fields, never their values. Reads made by the
system (sudo) are not logged: only what a user was given."""

from odoo import api, models

from .jmsc_access_log import read_write

SENSITIVE_PARTNER_FIELDS = frozenset({"nik", "kk_number", "health_notes"})


class ResPartner(models.Model):
    _inherit = "res.partner"

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

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if result and not self.env.su and fnames:
            sensitive = SENSITIVE_PARTNER_FIELDS.intersection(fnames)
            if sensitive:
                entries = []
                for values in result:
                    read = [fname for fname in sensitive if values.get(fname)]
                    if read and isinstance(values.get("id"), int):
                        entries.append((values["id"], values["id"], read))
                self.env["jmsc.access.log"]._jmsc_log("read", self._name, entries)
        return result

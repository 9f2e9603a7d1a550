# pylint: disable=consider-merging-classes-inherited
"""Who saw what: reads of a person's NIK, KK number and health notes are logged (jmsc.access.log).

``_read_format`` serves both ``read`` (the web client's ``web_read``) and ``search_read`` (JSON-RPC
clients), so both are logged. A line is written for each record whose sensitive field was read and is set
(reading an empty field discloses nothing); the line names the fields, never their values. Reads made by the
system (sudo) are not logged: only what a user was given."""

from odoo import models

SENSITIVE_PARTNER_FIELDS = frozenset({"nik", "kk_number", "health_notes"})


class ResPartner(models.Model):
    _inherit = "res.partner"

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

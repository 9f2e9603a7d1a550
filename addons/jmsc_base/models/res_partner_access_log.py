# pylint: disable=consider-merging-classes-inherited
"""Who saw what: reads of a person's NIK, KK number and health notes are logged (jmsc.access.log).

A line is written for each record whose sensitive field was read and is set (reading an empty field discloses
nothing); the line names the fields, never their values. The read entry points: ``AccessLoggedReads``."""

from odoo import models

from .jmsc_access_log import AccessLoggedReads

SENSITIVE_PARTNER_FIELDS = frozenset({"nik", "kk_number", "health_notes"})


class ResPartner(AccessLoggedReads, models.Model):
    _inherit = "res.partner"

    def _jmsc_read_log_entries(self, result, fnames):
        sensitive = SENSITIVE_PARTNER_FIELDS.intersection(fnames)
        entries = []
        if sensitive:
            for values in result:
                read = [fname for fname in sensitive if values.get(fname)]
                if read and isinstance(values.get("id"), int):
                    entries.append((values["id"], values["id"], read))
        return entries

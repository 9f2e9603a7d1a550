# pylint: disable=consider-merging-classes-inherited
"""Who saw what: every export of the web client is logged (jmsc.access.log)."""

from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def _jmsc_access_log_partners(self):
        """{record id: partner id} of the person each record is about (the access log's "Person").

        res.partner is itself; a model with a ``partner_id`` to res.partner names it; modules override it
        for other links (helpdesk tickets: the migrant)."""
        if self._name == "res.partner":
            return {rid: rid for rid in self.ids}
        field = self._fields.get("partner_id")
        if field is not None and field.type == "many2one" and field.comodel_name == "res.partner" and field.store:
            # sudo: only the link is read, to name the person in the log; nothing is returned to the user
            return {record.id: record.partner_id.id for record in self.sudo()}
        return {}

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if not self.env.su:
            top = {path.split("/")[0] for path in fields_to_export}
            self.env["jmsc.access.log"]._jmsc_log_records("export", self, top, detail=self._description)
        return result

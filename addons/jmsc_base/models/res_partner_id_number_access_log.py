# pylint: disable=consider-merging-classes-inherited
"""Who saw what: reads of passport numbers and scans are logged (jmsc.access.log), and so are downloads of
any identity document scan."""

from odoo import models

from .jmsc_access_log import AccessLoggedReads

PASSPORT_CODE = "PASSPORT"
PASSPORT_FIELDS = frozenset({"name", "attachment", "attachment_filename"})


class ResPartnerIdNumber(AccessLoggedReads, models.Model):
    _inherit = "res.partner.id_number"

    def _jmsc_passports(self):
        # sudo: only the category code and the person are read, to decide and to name the log line
        return self.sudo().filtered(lambda doc: doc.category_id.code == PASSPORT_CODE)

    def _jmsc_read_log_entries(self, result, fnames):
        sensitive = PASSPORT_FIELDS.intersection(fnames)
        if not sensitive:
            return []
        ids = [values["id"] for values in result if isinstance(values.get("id"), int)]
        return [(doc.id, doc.partner_id.id, sensitive) for doc in self.browse(ids)._jmsc_passports()]


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _get_stream_from(self, record, field_name="raw", *args, **kwargs):
        stream = super()._get_stream_from(record, field_name, *args, **kwargs)
        if self.env.su or not record:
            return stream
        documents = self.env["res.partner.id_number"]
        if record._name == "res.partner.id_number" and field_name == "attachment":
            documents = record
        elif record._name == "ir.attachment" and record.sudo().res_model == "res.partner.id_number":
            documents = documents.browse(record.sudo().res_id)
        documents = documents.sudo().exists()
        if documents:
            self.env["jmsc.access.log"]._jmsc_log(
                "download", documents._name, [(doc.id, doc.partner_id.id, ["attachment"]) for doc in documents]
            )
        return stream

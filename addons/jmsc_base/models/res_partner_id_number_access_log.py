# pylint: disable=consider-merging-classes-inherited
"""Who saw what: reads of passport numbers and scans are logged (jmsc.access.log), and so are downloads of
any identity document scan."""

from odoo import api, models

from .jmsc_access_log import read_write

PASSPORT_CODE = "PASSPORT"
PASSPORT_FIELDS = frozenset({"name", "attachment", "attachment_filename"})


class ResPartnerIdNumber(models.Model):
    _inherit = "res.partner.id_number"

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

    def _jmsc_passports(self):
        # sudo: only the category code and the person are read, to decide and to name the log line
        return self.sudo().filtered(lambda doc: doc.category_id.code == PASSPORT_CODE)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if result and not self.env.su and fnames:
            sensitive = PASSPORT_FIELDS.intersection(fnames)
            if sensitive:
                ids = [values["id"] for values in result if isinstance(values.get("id"), int)]
                passports = self.browse(ids)._jmsc_passports()
                self.env["jmsc.access.log"]._jmsc_log(
                    "read", self._name, [(doc.id, doc.partner_id.id, sensitive) for doc in passports]
                )
        return result


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

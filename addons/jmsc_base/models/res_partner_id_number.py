from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Categories whose number is a field of the partner (res_partner_nik.py): code -> partner field.
IDENTITY_FIELDS = {"KTP": "nik", "KK": "kk_number"}
# Context value only the partner's inverse holds (a JSON-RPC client cannot send a Python object): the
# document comes from the partner's field, which the partner's constraint has just checked.
IDENTITY_CHECKED = object()


class ResPartnerIdNumber(models.Model):
    _name = "res.partner.id_number"
    _inherit = ["res.partner.id_number", "jmsc.expiry.mixin"]

    _expiry_kind = "identity"
    _expiry_date_field = "valid_until"
    _expiry_category_field = "category_id"

    # Indexed: officers find a document by its number, the import looks passports up by theirs.
    name = fields.Char(tracking=True, index=True)
    valid_until = fields.Date(tracking=True)
    partner_id = fields.Many2one(index=True)
    # Indexed: deleting a person (erasure) looks up the documents they issued (one scan per person otherwise).
    partner_issued_id = fields.Many2one(index="btree_not_null")
    category_id = fields.Many2one(index=True)
    regency_id = fields.Many2one(related="partner_id.regency_id", string="Regency/City")
    attachment = fields.Binary(attachment=True, copy=False)
    attachment_filename = fields.Char(copy=False)
    expiry_date = fields.Date(related="valid_until", store=True, readonly=True, string="Expiry Date")

    @api.model_create_multi
    def create(self, vals_list):
        """A KTP or KK number entered again for the same person completes the document the partner's field
        created (one document per number, whichever way it was entered first)."""
        vals_list = [self._jmsc_clean_identity_vals(dict(vals)) for vals in vals_list]
        existing = {}
        identity_categories = self.env["res.partner.id_category"].search([("code", "in", list(IDENTITY_FIELDS))])
        wanted = [
            (index, vals)
            for index, vals in enumerate(vals_list)
            if vals.get("category_id") in identity_categories.ids and vals.get("partner_id") and vals.get("name")
        ]
        if wanted and self.env.context.get("jmsc_identity_checked") is not IDENTITY_CHECKED:
            # sudo: finds only documents with the very numbers the caller is entering for these persons
            found = self.sudo().search(
                [
                    ("partner_id", "in", [vals["partner_id"] for _index, vals in wanted]),
                    ("category_id", "in", identity_categories.ids),
                    ("name", "in", [vals["name"] for _index, vals in wanted]),
                ]
            )
            by_key = {(d.partner_id.id, d.category_id.id, d.name): d.id for d in found}
            for index, vals in wanted:
                document_id = by_key.get((vals["partner_id"], vals["category_id"], vals["name"]))
                if document_id:
                    existing[index] = self.browse(document_id)
        created = iter(super().create([vals for index, vals in enumerate(vals_list) if index not in existing]))
        documents = self.browse()
        for index, vals in enumerate(vals_list):
            if index in existing:
                document = existing[index]
                extra = {key: value for key, value in vals.items() if key not in ("partner_id", "category_id", "name")}
                if extra:
                    document.write(extra)
                documents |= document
            else:
                documents |= next(created)
        return documents

    def write(self, vals):
        return super().write(self._jmsc_clean_identity_vals(dict(vals)))

    def _jmsc_clean_identity_vals(self, vals):
        """A KTP or KK number is stored as the partner's field would store it: without spaces."""
        if vals.get("name"):
            category = self.env["res.partner.id_category"].browse(vals.get("category_id")) or self.category_id
            if set(category.mapped("code")) & set(IDENTITY_FIELDS):
                vals["name"] = "".join(vals["name"].split())
        return vals

    @api.constrains("name", "category_id", "partner_id", "active")
    def _check_identity_number(self):
        """A KTP number is the partner's NIK, a KK number its family card: the partner's checks apply."""
        if self.env.context.get("jmsc_identity_checked") is IDENTITY_CHECKED:
            return
        identity = self.filtered(lambda document: document.category_id.code in IDENTITY_FIELDS)
        for document in identity.filtered("active"):
            others = document.partner_id.id_numbers.filtered(
                lambda other, document=document: other.category_id == document.category_id and other.active
            )
            if len(others) > 1:
                raise ValidationError(
                    self.env._(
                        "%(name)s already has another %(category)s number: correct that document rather than adding "
                        "a second one.",
                        name=document.partner_id.display_name,
                        category=document.category_id.name,
                    )
                )
        # The same checks as the partner's fields, with the same messages (res_partner_nik.py).
        identity.partner_id._check_nik()
        identity.partner_id._check_kk_number()

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Identity Document")

    def _expiry_domain(self, purpose="list"):
        return [("partner_id.is_migrant", "=", True)]

    def _expiry_activity_target(self):
        """Officers follow a migrant's documents on the migrant's form."""
        return self.partner_id

    def _expiry_labels(self):
        """Category and number, with the person; never the number of a KTP or KK (a NIK)."""
        labels = {}
        for document in self:
            number = "" if document.category_id.code in IDENTITY_FIELDS else f" {document.name or ''}"
            labels[document.id] = f"{document.category_id.name}{number} - {document.partner_id.name or ''}"
        return labels

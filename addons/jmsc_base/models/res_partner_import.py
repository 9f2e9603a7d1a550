# pylint: disable=consider-merging-classes-inherited
"""What the bulk import (wizards/jmsc_migrant_import*) keeps on res.partner: the fingerprint of a migrant
registered without NIK, and the index by which it finds people of the same name and birth date."""

from odoo import fields, models
from odoo.tools import SQL, create_index


def name_key_sql(column="name"):
    """tools/nik.normalize_name in SQL (lower case, single spaces, trimmed): the key on which the import finds
    the registered migrants of the same name and birth date, by the index of ResPartner.init."""
    return f"lower(btrim(regexp_replace({column}, '\\s+', ' ', 'g')))"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Written by the import in SQL only, after the ORM created or updated the record with the officer's rights.
    jmsc_import_key = fields.Char(
        string="Import Fingerprint",
        index="btree_not_null",
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="SHA-256 of the import row this person was created or updated from: the same row imported again "
        "is recognised as already imported instead of an ambiguous match.",
    )

    def init(self):
        result = super().init()
        # A chunk of 1,000 rows looks up its people by name and birth date: without it, every migrant born on
        # any of the chunk's ~1,000 dates was read (a growing share of the registry).
        create_index(
            self.env.cr,
            "res_partner_jmsc_name_birth_index",
            self._table,
            ["birthdate_date", name_key_sql()],
            where="is_migrant AND active",
        )
        return result

    def _jmsc_anonymize(self):
        result = super()._jmsc_anonymize()
        self.env.cr.execute(SQL("UPDATE res_partner SET jmsc_import_key = NULL WHERE id = ANY(%s)", self.ids))
        self.invalidate_recordset(["jmsc_import_key"])
        return result

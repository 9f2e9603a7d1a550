# pylint: disable=consider-merging-classes-inherited
"""The fingerprint left by the bulk import on a migrant registered without NIK (wizards/jmsc_migrant_import*)."""

from odoo import fields, models
from odoo.tools import SQL


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

    def _jmsc_anonymize(self):
        result = super()._jmsc_anonymize()
        self.env.cr.execute(SQL("UPDATE res_partner SET jmsc_import_key = NULL WHERE id = ANY(%s)", self.ids))
        self.invalidate_recordset(["jmsc_import_key"])
        return result

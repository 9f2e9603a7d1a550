"""The agencies' old licence fields go (18.0.1.3.0): keep their values until the post-migration has made
them licence records.

The columns of removed fields are dropped at the end of the upgrade, so their values are copied first into
``jmsc_agency_licence_legacy`` (every agency with a value, whether or not 18.0.1.2.0 copied it; the
post-migration skips what already exists). The inherited views that showed the P3MI fields go too.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

# Old column of res_partner -> its SQL type, in the order of the stash table's columns.
LEGACY_COLUMNS = {
    "jmsc_licence_number": "varchar",
    "jmsc_licence_valid_until": "date",
    "p3mi_licence_number": "varchar",
    "p3mi_licence_expiry": "date",
}
# Every field of res.partner this version removes (the computed one had no column).
REMOVED_FIELDS = (*LEGACY_COLUMNS, "p3mi_licence_expired")
LEGACY_TABLE = "jmsc_agency_licence_legacy"
OBSOLETE_VIEWS = (
    "res_partner_view_form_agency_licence",
    "res_partner_view_list_agency_licence",
    "res_partner_view_search_agency_licence",
)


def migrate(cr, version):
    if not version:
        return
    stash_legacy_licences(cr)
    cr.execute(
        SQL(
            """DELETE FROM ir_ui_view
                WHERE id IN (SELECT res_id FROM ir_model_data
                              WHERE module = 'jmsc_base' AND model = 'ir.ui.view' AND name IN %s)""",
            OBSOLETE_VIEWS,
        )
    )
    cr.execute(
        SQL(
            "DELETE FROM ir_model_data WHERE module = 'jmsc_base' AND model = 'ir.ui.view' AND name IN %s",
            OBSOLETE_VIEWS,
        )
    )


def stash_legacy_licences(cr):
    """Copy the non-empty old licence values of res_partner into the stash table (idempotent)."""
    present = [column for column in LEGACY_COLUMNS if column_exists(cr, "res_partner", column)]
    if not present:
        return
    selects = [
        SQL.identifier(column) if column in present else SQL(f"NULL::{sql_type}")
        for column, sql_type in LEGACY_COLUMNS.items()
    ]
    if not table_exists(cr, LEGACY_TABLE):
        cr.execute(
            SQL(
                """CREATE TABLE %s (partner_id integer PRIMARY KEY, licence_number varchar, valid_until date,
                                    p3mi_number varchar, p3mi_expiry date)""",
                SQL.identifier(LEGACY_TABLE),
            )
        )
    not_empty = SQL(" OR ").join(SQL("%s IS NOT NULL", SQL.identifier(column)) for column in present)
    cr.execute(
        SQL(
            """INSERT INTO %s (partner_id, licence_number, valid_until, p3mi_number, p3mi_expiry)
               SELECT id, %s FROM res_partner WHERE %s
               ON CONFLICT (partner_id) DO NOTHING""",
            SQL.identifier(LEGACY_TABLE),
            SQL(", ").join(selects),
            not_empty,
        )
    )

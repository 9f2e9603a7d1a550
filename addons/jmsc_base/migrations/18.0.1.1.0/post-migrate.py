"""Consent per purpose: a former consent to share "with partner agencies" named no agency; it covered every
kind of partner agency, so it becomes one consent per active agency type (same date, channel, withdrawal).
The migrant can withdraw each one separately from now on. Every consent so far was given by the migrant."""

from odoo.tools import SQL

NOTE = "Migrated from the consent to share with partner agencies (all agency types) of the same date."


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("UPDATE jmsc_consent SET lawful_basis = 'consent' WHERE lawful_basis IS NULL"))
    cr.execute(SQL("SELECT id FROM jmsc_agency_type WHERE active ORDER BY sequence, id"))
    type_ids = [row[0] for row in cr.fetchall()]
    if not type_ids:
        return
    first, others = type_ids[0], type_ids[1:]
    for type_id in others:
        cr.execute(
            SQL(
                """
                INSERT INTO jmsc_consent (partner_id, date, purpose, agency_type_id, lawful_basis, channel, note,
                                          withdrawal_date, withdrawal_reason, state,
                                          create_uid, create_date, write_uid, write_date)
                SELECT partner_id, date, 'sharing', %s, 'consent', channel, %s,
                       withdrawal_date, withdrawal_reason, state, create_uid, create_date, write_uid, write_date
                  FROM jmsc_consent
                 WHERE purpose = 'sharing' AND agency_type_id IS NULL
                """,
                type_id,
                NOTE,
            )
        )
    cr.execute(
        SQL(
            "UPDATE jmsc_consent SET agency_type_id = %s, note = %s "
            "WHERE purpose = 'sharing' AND agency_type_id IS NULL",
            first,
            NOTE,
        )
    )

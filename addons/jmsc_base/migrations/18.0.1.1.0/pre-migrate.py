"""Consent per purpose: map the four former purposes onto the purposes checked before processing.

- research ("Anonymous research and statistics") -> statistics;
- communication ("Information and reminders", any channel) -> one consent per reminder channel
  (email, SMS, WhatsApp), each with the same date, channel and withdrawal;
- registry is unchanged; sharing is expanded per agency type in post-migrate (the column does not exist yet).
"""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("UPDATE jmsc_consent SET purpose = 'statistics' WHERE purpose = 'research'"))
    for purpose in ("reminder_sms", "reminder_whatsapp"):
        cr.execute(
            SQL(
                """
                INSERT INTO jmsc_consent (partner_id, date, purpose, channel, withdrawal_date, withdrawal_reason,
                                          state, create_uid, create_date, write_uid, write_date)
                SELECT partner_id, date, %s, channel, withdrawal_date, withdrawal_reason,
                       state, create_uid, create_date, write_uid, write_date
                  FROM jmsc_consent
                 WHERE purpose = 'communication'
                """,
                purpose,
            )
        )
    cr.execute(SQL("UPDATE jmsc_consent SET purpose = 'reminder_email' WHERE purpose = 'communication'"))

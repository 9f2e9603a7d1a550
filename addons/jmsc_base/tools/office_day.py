"""The day the JMSC works in.

Dates of record (a consent given or withdrawn, a referral, a certificate issued, a document's expiry
checked) are West Java's days: the time zone of the company (its partner's), else Asia/Jakarta. They do
not depend on the time zone of whichever user, cron or visitor writes them: a user without one (the
server's UTC) would otherwise date a record one day earlier than a colleague in Jakarta between
00:00 and 07:00 WIB, and the two dates would contradict each other.
"""

from odoo import fields

OFFICE_TZ = "Asia/Jakarta"


def office_tz(env):
    """The office's time zone: the company's, else Asia/Jakarta."""
    # sudo: the company partner's time zone is configuration, not personal data; a portal or public user
    # may not read the company partner.
    return env.company.partner_id.sudo().tz or OFFICE_TZ


def office_today(record, timestamp=None):
    """Today at the office (or the office's day of the UTC ``timestamp``); usable as a field default."""
    return fields.Date.context_today(record.with_context(tz=office_tz(record.env)), timestamp)

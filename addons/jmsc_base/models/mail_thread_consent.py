from odoo import models

# How a notification reaches a partner -> the consent purpose it needs when the partner is a migrant.
NOTIFICATION_PURPOSES = {"email": "reminder_email", "sms": "reminder_sms"}


class MailThread(models.AbstractModel):
    """No chatter notification (email, SMS) reaches a migrant without the consent to be reminded that way.

    A migrant following a record (a case, a request) or named as recipient is skipped when the consent for
    the channel is missing or withdrawn; officers (inbox) and other contacts are notified as before.
    """

    _inherit = "mail.thread"

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        by_purpose = {}
        for data in recipients:
            purpose = NOTIFICATION_PURPOSES.get(data.get("notif"))
            if purpose and data.get("share"):
                by_purpose.setdefault(purpose, set()).add(data["id"])
        if not by_purpose:
            return recipients
        # sudo: only the migrant flag and the consent register of the recipients already selected are read,
        # to drop recipients; nothing is returned to the caller.
        Partner = self.env["res.partner"].sudo()
        refused = set()
        for purpose, partner_ids in by_purpose.items():
            refused.update((pid, purpose) for pid in Partner.browse(partner_ids)._jmsc_consent_refused(purpose).ids)
        return [r for r in recipients if (r["id"], NOTIFICATION_PURPOSES.get(r.get("notif"))) not in refused]

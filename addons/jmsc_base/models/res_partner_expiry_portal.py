# pylint: disable=consider-merging-classes-inherited
"""The expiry engine's portal channel: the migrant sees their own expiring items on their portal home (/my)."""

from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import format_date

from ..tools.office_day import office_today


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_portal_expiry_items(self):
        """The partner's own expiring (and recently expired) records whose rules show a portal notice.

        A record is listed from the longest of its portal rules' "days before" (``notify_portal``) until as many
        days after its expiry, when the partner consented to portal access. Each item is a dict with
        ``kind``, ``label``, ``date``, ``date_text``, ``state`` (expiring, expired), ``status`` and ``level``
        (texts in the user's language): nothing else of the record, nothing of another person.
        """
        self.ensure_one()
        if not self.env.su and self != self.env.user.partner_id:
            raise AccessError(self.env._("Only the person themselves sees their expiring items on the portal."))
        if not self._jmsc_consent_allows("portal"):
            return []
        today = office_today(self)
        lang = self.env.lang or "en_US"
        # sudo: a portal user may not read the expiring records (documents, placements, ...) nor the rules;
        # only the items whose person is this partner (checked above to be the user's own) are read, and
        # only their kind, label, date and the reminder level leave this method.
        Item = self.env["jmsc.expiry.item"].sudo()
        items = Item.search(
            [
                ("partner_id", "=", self.id),
                ("expiry_state", "in", ("expiring", "expired")),
            ]
        )
        Rule = self.env["jmsc.expiry.rule"].sudo()
        result = []
        for res_model in sorted(set(items.mapped("res_model"))):
            Model = self.env[res_model].sudo()
            sources = Model.browse(
                items.filtered(lambda item, res_model=res_model: item.res_model == res_model).mapped("res_id")
            ).filtered_domain(Model._expiry_domain("reminder"))
            if not sources:
                continue
            rules_by_record = Rule._jmsc_rules_by_record(sources)
            labels = sources._expiry_labels()
            kind = Model._expiry_kind_label()
            for record in sources:
                portal_days = rules_by_record[record.id].filtered("notify_portal").mapped("days_before")
                if not portal_days or not record.expiry_date:
                    continue
                left = (record.expiry_date - today).days
                if abs(left) > max(portal_days):
                    continue
                result.append(
                    {
                        "kind": kind,
                        "label": labels[record.id],
                        "date": record.expiry_date,
                        "date_text": format_date(self.env, record.expiry_date, lang_code=lang, date_format="long"),
                        "state": "expired" if left < 0 else "expiring",
                        "status": self._jmsc_portal_expiry_status(left),
                        "level": self._jmsc_portal_expiry_level(left, portal_days),
                    }
                )
        return sorted(result, key=lambda item: item["date"])

    def _jmsc_portal_expiry_level(self, days_left, portal_days):
        """The reminder level reached (the nearest portal rule), empty once expired."""
        if days_left < 0:
            return ""
        return self.env._("Reminder %s days before expiry", min(days for days in portal_days if days >= days_left))

    def _jmsc_portal_expiry_status(self, days_left):
        if days_left > 0:
            return self.env._("Expires in %s days", days_left)
        if days_left == 0:
            return self.env._("Expires today")
        return self.env._("Expired %s days ago", -days_left)

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .res_partner import EXPIRY_WARNING_DAYS

REMINDER_DAYS = (90, 30)


class ResPartnerIdNumber(models.Model):
    _inherit = "res.partner.id_number"

    name = fields.Char(tracking=True)
    valid_until = fields.Date(tracking=True)
    partner_id = fields.Many2one(index=True)
    category_id = fields.Many2one(index=True)
    regency_id = fields.Many2one(related="partner_id.regency_id", string="Regency/City")
    attachment = fields.Binary(attachment=True, copy=False)
    attachment_filename = fields.Char(copy=False)
    expiry_state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring"), ("expired", "Expired")],
        compute="_compute_expiry_state",
        store=True,
        index=True,
        help="Expiring: the document expires within 90 days. Recomputed every day.",
    )
    jmsc_reminder_days = fields.Integer(
        string="Last Expiry Reminder",
        copy=False,
        readonly=True,
        help="Days before expiry of the last reminder raised (90 or 30); reset when the expiry date changes.",
    )

    @api.depends("valid_until")
    def _compute_expiry_state(self):
        today = fields.Date.context_today(self)
        warning = today + relativedelta(days=EXPIRY_WARNING_DAYS)
        for document in self:
            if not document.valid_until or document.valid_until > warning:
                document.expiry_state = "valid"
            elif document.valid_until < today:
                document.expiry_state = "expired"
            else:
                document.expiry_state = "expiring"

    def write(self, vals):
        if "valid_until" in vals:
            vals = dict(vals, jmsc_reminder_days=0)
        return super().write(vals)

    @api.model
    def _cron_jmsc_document_expiry(self):
        """Refresh the expiry states and raise the 90- and 30-day reminders, once each."""
        today = fields.Date.context_today(self)
        warning = today + relativedelta(days=EXPIRY_WARNING_DAYS)
        stale = self.search(
            [
                "|",
                "&",
                ("valid_until", "<", today),
                ("expiry_state", "!=", "expired"),
                "&",
                "&",
                ("valid_until", ">=", today),
                ("valid_until", "<=", warning),
                ("expiry_state", "!=", "expiring"),
            ]
        )
        self.env.add_to_compute(self._fields["expiry_state"], stale)
        stale.flush_recordset(["expiry_state"])
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        candidates = self.search(
            [
                ("valid_until", ">=", today),
                ("valid_until", "<=", today + relativedelta(days=max(REMINDER_DAYS))),
                ("partner_id.is_migrant", "=", True),
                ("jmsc_reminder_days", "!=", min(REMINDER_DAYS)),
            ]
        )
        Activity = self.env["mail.activity"]
        levels = {}
        for document in candidates:
            left = (document.valid_until - today).days
            level = min(days for days in REMINDER_DAYS if left <= days)
            if document.jmsc_reminder_days and document.jmsc_reminder_days <= level:
                continue
            levels.setdefault(level, self.browse())
            levels[level] |= document
            migrant = document.partner_id
            # One create per activity: a batch on the same migrant would subscribe the user twice.
            Activity.create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": migrant.id,
                    "activity_type_id": todo_type.id,
                    "summary": self.env._(
                        "%(document)s %(number)s expires on %(date)s",
                        document=document.category_id.name,
                        number=document.name,
                        date=document.valid_until,
                    ),
                    "date_deadline": min(document.valid_until, today + relativedelta(days=14)),
                    "user_id": (migrant.user_id or document.create_uid).id,
                }
            )
        for level, documents in levels.items():
            documents.write({"jmsc_reminder_days": level})
        return True

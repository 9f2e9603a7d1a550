from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.exceptions import ValidationError

REFERRAL_AGENCY_CODES = [
    "bp3mi",
    "embassy",
    "police",
    "p3mi",
    "health",
    "immigration",
    "disnaker_regency",
    "disnaker_province",
    "bpjs",
    "migrant_centre",
    "ngo",
]


class JmscHelpdeskReferral(models.Model):
    _name = "jmsc.helpdesk.referral"
    _description = "Case Referral"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "referral_date desc, id desc"
    _rec_name = "agency_id"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Case", required=True, index=True, ondelete="cascade")
    agency_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("agency_type_id.code", "in", REFERRAL_AGENCY_CODES)],
    )
    agency_type_id = fields.Many2one(related="agency_id.agency_type_id", store=True, string="Agency Type")
    referral_date = fields.Date(required=True, default=office_today, tracking=True)
    contact_name = fields.Char(string="Contact Person")
    contact_phone = fields.Char()
    reference_number = fields.Char(string="Agency Reference", tracking=True, index=True)
    follow_up_date = fields.Date(tracking=True, index=True)
    follow_up_notified_for = fields.Date(
        string="Follow-up Reminded For", copy=False, help="The follow-up date an overdue reminder was raised for."
    )
    outcome = fields.Text(tracking=True)
    state = fields.Selection(
        [
            ("referred", "Referred"),
            ("acknowledged", "Acknowledged"),
            ("done", "Resolved"),
            ("cancelled", "Cancelled"),
        ],
        default="referred",
        required=True,
        tracking=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Referred By", default=lambda self: self.env.user)
    regency_id = fields.Many2one(related="ticket_id.jmsc_regency_id", store=True, string="Regency/City")

    @api.constrains("referral_date", "follow_up_date")
    def _check_follow_up_date(self):
        for referral in self:
            if referral.follow_up_date and referral.follow_up_date < referral.referral_date:
                raise ValidationError(
                    self.env._(
                        "Referral of case %(case)s to %(agency)s: "
                        "the follow-up date cannot be before the referral date.",
                        case=referral.ticket_id.number,
                        agency=referral.agency_id.name,
                    )
                )

    @api.constrains("state", "outcome")
    def _check_outcome(self):
        for referral in self:
            if referral.state == "done" and not referral.outcome:
                raise ValidationError(
                    self.env._(
                        "Referral of case %s: write the outcome before marking it resolved.", referral.ticket_id.number
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        referrals = super().create(vals_list)
        for referral in referrals:
            referral.ticket_id.message_post(
                body=self.env._("Referred to %s.", referral.agency_id.name), subtype_xmlid="mail.mt_note"
            )
        return referrals

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        # Officers without an email address log notes all the same (contract 7).
        author_id, email_from = super()._message_compute_author(author_id, email_from, raise_on_email=False)
        return author_id, email_from or self.env["helpdesk.ticket"]._jmsc_fallback_email_from()

    def action_acknowledge(self):
        self.write({"state": "acknowledged"})

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    @api.model
    def _cron_follow_up_overdue(self):
        """Raise a to-do on each open referral whose follow-up date has passed (once per follow-up date)."""
        today = office_today(self)
        overdue = self.search([("state", "in", ("referred", "acknowledged")), ("follow_up_date", "<", today)]).filtered(
            lambda r: r.follow_up_notified_for != r.follow_up_date
        )
        for referral in overdue:
            user = referral.ticket_id.user_id or referral.user_id
            referral.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                user_id=user.id or self.env.uid,
                summary=self.env._("Follow up referral %s", referral.reference_number or referral.agency_id.name),
                note=self.env._(
                    "Follow-up of case %(case)s with %(agency)s was due on %(date)s.",
                    case=referral.ticket_id.number,
                    agency=referral.agency_id.name,
                    date=referral.follow_up_date,
                ),
            )
            referral.follow_up_notified_for = referral.follow_up_date
        return overdue

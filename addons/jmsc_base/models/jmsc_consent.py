from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.office_day import office_today

# The processing purposes a consent (or another lawful basis) covers, UU PDP 27/2022 art. 20-22.
# ``registry`` is the migrant registry itself; the others are the purposes checked before processing
# (res.partner._jmsc_consent_allows, readme/SECURITY.md "Consent").
CONSENT_PURPOSES = [
    ("registry", "Migrant registry and JMSC services"),
    ("reminder_email", "Reminders by email"),
    ("reminder_sms", "Reminders by SMS"),
    ("reminder_whatsapp", "Reminders by WhatsApp"),
    ("sharing", "Sharing with a named agency type"),
    ("portal", "Portal access"),
    ("statistics", "Use in statistics beyond aggregates"),
]
CONSENT_CHANNELS = [
    ("paper", "Signed Paper Form"),
    ("in_person", "In Person at a Service Desk"),
    ("online", "Online Form"),
    ("whatsapp", "WhatsApp"),
    ("phone", "Phone Call"),
]
LAWFUL_BASES = [
    ("consent", "Consent of the data subject"),
    ("contract", "Contract with the data subject"),
    ("legal_obligation", "Legal obligation"),
    ("vital_interest", "Vital interest"),
    ("public_task", "Public task"),
    ("legitimate_interest", "Legitimate interest"),
]
# Write guards (readme/SECURITY.md): the withdrawal is recorded only by _jmsc_withdraw, which passes this
# token; what a consent covers does not change once given (a new consent is recorded instead).
WITHDRAW_TOKEN = object()
WITHDRAW_CONTEXT_KEY = "jmsc_consent_withdraw"
WITHDRAWAL_FIELDS = ("withdrawal_date", "withdrawal_time", "withdrawn_by_id", "withdrawal_channel", "withdrawal_reason")
IMMUTABLE_FIELDS = ("partner_id", "purpose", "agency_type_id", "lawful_basis")


class JmscConsent(models.Model):
    """A data-processing consent given by a migrant, or another lawful basis, for one purpose (UU PDP 27/2022)."""

    _name = "jmsc.consent"
    _description = "Data Processing Consent"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Migrant", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=office_today, tracking=True)
    purpose = fields.Selection(CONSENT_PURPOSES, required=True, default="registry", tracking=True, index=True)
    agency_type_id = fields.Many2one(
        "jmsc.agency.type",
        index=True,
        tracking=True,
        help="For sharing: the kind of agency the data may be shared with (BP3MI, police, embassy, ...).",
    )
    lawful_basis = fields.Selection(
        LAWFUL_BASES,
        required=True,
        default="consent",
        tracking=True,
        help="Consent of the migrant, or the other lawful basis of UU PDP art. 20 under which the purpose is "
        "processed without it (e.g. a legal obligation for protection cases).",
    )
    basis_reference = fields.Char(
        string="Legal Reference",
        tracking=True,
        help="For a basis other than consent: the law, article or decision that requires or allows the processing.",
    )
    channel = fields.Selection(CONSENT_CHANNELS, required=True, default="paper", tracking=True)
    note = fields.Text()
    withdrawal_date = fields.Date(tracking=True, readonly=True, copy=False)
    withdrawal_time = fields.Datetime(string="Withdrawal Recorded At", readonly=True, copy=False)
    withdrawn_by_id = fields.Many2one("res.users", string="Withdrawal Recorded By", readonly=True, copy=False)
    withdrawal_channel = fields.Selection(CONSENT_CHANNELS, string="Withdrawn Through", readonly=True, copy=False)
    withdrawal_reason = fields.Char(readonly=True, copy=False)
    state = fields.Selection(
        [("active", "Active"), ("withdrawn", "Withdrawn")], compute="_compute_state", store=True, index=True
    )

    @api.depends("withdrawal_date")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.withdrawal_date else "active"

    @api.depends("partner_id", "purpose", "date", "agency_type_id")
    def _compute_display_name(self):
        purposes = dict(self._fields["purpose"]._description_selection(self.env))
        for consent in self:
            purpose = purposes.get(consent.purpose, "")
            if consent.agency_type_id:
                purpose = f"{purpose} ({consent.agency_type_id.name})"
            consent.display_name = f"{consent.partner_id.name or ''}: {purpose}"

    @api.constrains("date", "withdrawal_date")
    def _check_withdrawal_date(self):
        for consent in self:
            if consent.withdrawal_date and consent.withdrawal_date < consent.date:
                raise ValidationError(
                    self.env._("The consent %s cannot be withdrawn before it was given.", consent.display_name)
                )

    @api.constrains("purpose", "agency_type_id")
    def _check_agency_type(self):
        for consent in self:
            if consent.purpose == "sharing" and not consent.agency_type_id:
                raise ValidationError(
                    self.env._(
                        "The consent %s is for sharing: name the agency type the data may be shared with.",
                        consent.display_name,
                    )
                )
            if consent.purpose != "sharing" and consent.agency_type_id:
                raise ValidationError(
                    self.env._(
                        "The consent %s: an agency type is only named for sharing with an agency.",
                        consent.display_name,
                    )
                )

    @api.constrains("lawful_basis", "basis_reference")
    def _check_basis_reference(self):
        for consent in self:
            if consent.lawful_basis != "consent" and not (consent.basis_reference or "").strip():
                raise ValidationError(
                    self.env._(
                        "The consent %s rests on a basis other than consent: give its legal reference.",
                        consent.display_name,
                    )
                )

    @api.onchange("purpose")
    def _onchange_purpose(self):
        if self.purpose != "sharing":
            self.agency_type_id = False

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if any(vals.get(fname) for fname in WITHDRAWAL_FIELDS):
                    raise UserError(
                        self.env._("A consent is recorded as given: withdraw it afterwards with the Withdraw button.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        self._jmsc_check_consent_guards(vals)
        return super().write(vals)

    def _jmsc_check_consent_guards(self, vals):
        """Withdrawal fields only through _jmsc_withdraw; what a consent covers never changes once given."""
        if self.env.su:
            return
        if WITHDRAWAL_FIELDS_SET & vals.keys() and self.env.context.get(WITHDRAW_CONTEXT_KEY) is not WITHDRAW_TOKEN:
            raise UserError(
                self.env._(
                    "The withdrawal of a consent is recorded only with the Withdraw button, "
                    "which records who, when and how."
                )
            )
        for fname in IMMUTABLE_FIELDS_SET & vals.keys():
            field = self._fields[fname]
            new = vals[fname]
            for consent in self:
                old = consent[fname]
                old = old.id if field.type == "many2one" else old
                if (old or False) != (new or False):
                    raise UserError(
                        self.env._(
                            "The consent %(consent)s cannot change its %(field)s once given: withdraw it and "
                            "record a new consent.",
                            consent=consent.display_name,
                            field=field._description_string(self.env),
                        )
                    )

    def action_withdraw(self):
        """Open the withdrawal wizard (who, when and through which channel the migrant withdrew)."""
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Withdraw Consent"),
            "res_model": "jmsc.consent.withdraw.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consent_ids": [(6, 0, self.filtered(lambda c: c.state == "active").ids)]},
        }

    def _jmsc_withdraw(self, channel, reason=False, date=False):
        """Record the withdrawal of these consents: from now on the purpose is no longer processed."""
        self.check_access("write")
        consents = self.filtered(lambda c: c.state == "active")
        if not consents:
            return consents
        date = date or office_today(self)
        if date > office_today(self):
            raise ValidationError(self.env._("A consent cannot be withdrawn at a future date."))
        consents.with_context(**{WITHDRAW_CONTEXT_KEY: WITHDRAW_TOKEN}).write(
            {
                "withdrawal_date": date,
                "withdrawal_time": fields.Datetime.now(),
                "withdrawn_by_id": self.env.uid,
                "withdrawal_channel": channel,
                "withdrawal_reason": reason,
            }
        )
        channels = dict(self._fields["channel"]._description_selection(self.env))
        author = self.env.user.partner_id
        for consent in consents:
            consent.message_post(
                body=self.env._(
                    "Consent withdrawn on %(date)s through %(channel)s, recorded by %(user)s.",
                    date=date,
                    channel=channels.get(channel, channel),
                    user=self.env.user.name,
                ),
                author_id=author.id,
                email_from=author.email_formatted
                or self.env.company.partner_id.email_formatted
                or self.env.ref("base.partner_root").email_formatted,
                subtype_xmlid="mail.mt_note",
            )
        consents._jmsc_after_withdraw()
        return consents

    def _jmsc_after_withdraw(self):
        """Stop at once the processing whose last basis was withdrawn: the portal account is closed."""
        portal = self.filtered(lambda c: c.purpose == "portal").partner_id
        lost = portal - portal._jmsc_consent_allows("portal")
        if lost:
            lost._jmsc_revoke_portal_access()


WITHDRAWAL_FIELDS_SET = frozenset(WITHDRAWAL_FIELDS)
IMMUTABLE_FIELDS_SET = frozenset(IMMUTABLE_FIELDS)

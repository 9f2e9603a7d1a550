from datetime import timedelta
from urllib.parse import quote

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.addons.jmsc_base.tools import public_token
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.addons.jmsc_training.tools import log_system_note
from odoo.exceptions import UserError

CERTIFICATE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring Soon"),
    ("expired", "Expired"),
    ("suspended", "Suspended"),
    ("revoked", "Revoked"),
]


def new_token():
    return public_token.new_token()


class JmscCertCertificate(models.Model):
    """A competency certificate. Once issued it changes only through its status actions and the expiry cron."""

    _name = "jmsc.cert.certificate"
    _description = "Competency Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.expiry.mixin"]
    _order = "issue_date desc, id desc"

    _expiry_kind = "certificate"

    # Business fields written only through _write_protected().
    _PROTECTED_FIELDS = frozenset(
        {
            "name",
            "registration_number",
            "partner_id",
            "scheme_id",
            "application_id",
            "issue_date",
            "expiry_date",
            "state",
            "status_reason",
            "status_date",
            "token",
            "previous_certificate_id",
        }
    )

    name = fields.Char(string="Certificate Number", required=True, readonly=True, copy=False, index=True)
    registration_number = fields.Char(readonly=True, copy=False, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Holder", required=True, readonly=True, index=True, ondelete="restrict", tracking=True
    )
    regency_id = fields.Many2one(related="partner_id.regency_id", store=True, index=True)
    scheme_id = fields.Many2one("jmsc.cert.scheme", required=True, readonly=True, index=True, ondelete="restrict")
    lsp_id = fields.Many2one(related="scheme_id.lsp_id", string="LSP", store=True, index=True)
    application_id = fields.Many2one("jmsc.cert.application", readonly=True, index=True, ondelete="restrict")
    issue_date = fields.Date(required=True, readonly=True, default=office_today, tracking=True)
    expiry_date = fields.Date(required=True, readonly=True, index=True, tracking=True)
    state = fields.Selection(
        CERTIFICATE_STATES, string="Status", required=True, readonly=True, default="valid", index=True, tracking=True
    )
    status_reason = fields.Text(string="Reason", readonly=True, tracking=True)
    status_date = fields.Date(string="Status Changed On", readonly=True)
    token = fields.Char(required=True, readonly=True, copy=False, index=True)
    previous_certificate_id = fields.Many2one(
        "jmsc.cert.certificate", string="Renews", readonly=True, index=True, ondelete="restrict"
    )
    renewal_ids = fields.One2many("jmsc.cert.certificate", "previous_certificate_id", string="Renewed By")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, help="Receives the expiry reminders."
    )
    expiry_user_id = fields.Many2one(related="user_id", store=True, readonly=False, string="Reminder Recipient")
    verification_url = fields.Char(compute="_compute_verification_url")

    _sql_constraints = [
        ("name_unique", "unique(name)", "A certificate number is issued only once."),
        ("token_unique", "unique(token)", "A verification token is used only once."),
        ("registration_number_unique", "unique(registration_number)", "A registration number is issued only once."),
    ]

    @api.depends("token")
    def _compute_verification_url(self):
        base_url = self.get_base_url()
        for certificate in self:
            certificate.verification_url = f"{base_url}/jmsc/certificate/{certificate.token}"

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]
        if not self.env.su:
            self.check_access("create")
            self._check_issue_vals(vals_list)
        for vals in vals_list:
            scheme = self.env["jmsc.cert.scheme"].browse(vals.get("scheme_id"))
            if not scheme:
                raise UserError(self.env._("A certificate needs a scheme."))
            issue_date = fields.Date.to_date(vals.get("issue_date")) or office_today(self)
            vals.update(
                {
                    "issue_date": issue_date,
                    "expiry_date": issue_date + relativedelta(months=scheme.validity_months) - timedelta(days=1),
                    "name": scheme._next_certificate_number(issue_date.year),
                    "registration_number": self.env["ir.sequence"].sudo().next_by_code("jmsc.cert.registration"),
                    "token": new_token(),
                    "state": "valid",
                }
            )
        return super().create(vals_list)

    def _check_issue_vals(self, vals_list):
        """A certificate is issued only for a competent, assessed application (or renews a valid one) of the
        same holder and scheme: never for an arbitrary person or scheme."""
        for vals in vals_list:
            application = self.env["jmsc.cert.application"].browse(vals.get("application_id"))
            previous = self.browse(vals.get("previous_certificate_id"))
            if previous:
                ok = (
                    previous.state in ("valid", "expiring", "expired")
                    and not previous.renewal_ids
                    and previous.partner_id.id == vals.get("partner_id")
                    and previous.scheme_id.id == vals.get("scheme_id")
                )
            else:
                ok = (
                    application.state == "assessed"
                    and application.result == "competent"
                    and application.partner_id.id == vals.get("partner_id")
                    and application.scheme_id.id == vals.get("scheme_id")
                )
            if not ok:
                raise UserError(
                    self.env._(
                        "A certificate is issued only from an assessed application whose every unit is competent "
                        "(Issue Certificate), or by renewing a certificate (Re-certify)."
                    )
                )

    def write(self, vals):
        protected = self._PROTECTED_FIELDS.intersection(vals)
        if protected:
            raise UserError(
                self.env._(
                    "Certificate %(number)s is issued: %(fields)s cannot be changed. Use suspend, revoke, reinstate "
                    "or re-certify instead.",
                    number=", ".join(self.mapped("name")),
                    fields=", ".join(sorted(protected)),
                )
            )
        return super().write(vals)

    def _write_protected(self, vals):
        """The only path that changes the business fields of issued certificates."""
        return super().write(vals)

    def unlink(self):
        if not (self.env.su and self.env.context.get(MODULE_UNINSTALL_FLAG)):
            raise UserError(
                self.env._("Certificate %s cannot be deleted: revoke it instead.", ", ".join(self.mapped("name")))
            )
        return super().unlink()

    def copy_data(self, default=None):
        raise UserError(self.env._("A certificate cannot be duplicated: use re-certification."))

    def _change_status(self, state, reason):
        """Suspend, revoke or reinstate, with the reason on the record and in the chatter."""
        allowed = {
            "suspended": ("valid", "expiring"),
            "revoked": ("valid", "expiring", "suspended", "expired"),
            "valid": ("suspended",),
        }[state]
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the status change of %s.", ", ".join(self.mapped("name"))))
        labels = dict(self._fields["state"]._description_selection(self.env))
        for certificate in self:
            if certificate.state not in allowed:
                raise UserError(
                    self.env._(
                        "Certificate %(number)s is %(state)s and cannot become %(new_state)s.",
                        number=certificate.name,
                        state=labels[certificate.state],
                        new_state=labels[state],
                    )
                )
        self.check_access("write")
        self._write_protected({"state": state, "status_reason": reason, "status_date": office_today(self)})
        log_system_note(
            self, self.env._("Status changed to %(state)s. Reason: %(reason)s", state=labels[state], reason=reason)
        )
        if state == "valid":
            self._update_expiry_status()

    def action_open_status_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_certification.jmsc_cert_status_wizard_action")
        action["context"] = {"default_certificate_id": self.id, "default_new_state": self.env.context.get("new_state")}
        return action

    def action_recertify(self):
        """Issue a new certificate for the same holder and scheme, linked to this one."""
        self.ensure_one()
        if self.state not in ("valid", "expiring", "expired"):
            raise UserError(self.env._("Certificate %s is suspended or revoked and cannot be renewed.", self.name))
        if self.renewal_ids:
            raise UserError(
                self.env._(
                    "Certificate %(number)s was already renewed by %(renewal)s.",
                    number=self.name,
                    renewal=self.renewal_ids[0].name,
                )
            )
        renewal = self.create(
            {
                "partner_id": self.partner_id.id,
                "scheme_id": self.scheme_id.id,
                "application_id": self.application_id.id,
                "previous_certificate_id": self.id,
            }
        )
        log_system_note(self, self.env._("Renewed by certificate %s.", renewal.name))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": renewal.id,
            "view_mode": "form",
        }

    def action_print_certificate(self):
        return self.env.ref("jmsc_certification.action_report_certificate").report_action(self, config=False)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Certificate %s", self.name)

    def _get_qr_code_src(self):
        self.ensure_one()
        return "/report/barcode/QR/%s?width=180&height=180" % quote(self.verification_url, safe="")

    def _masked_holder_name(self):
        """Each word keeps its first two letters: "Siti Rahayu" gives "Si** Ra****"."""
        self.ensure_one()
        words = (self.partner_id.name or "").split()
        return " ".join(word[:2] + "*" * max(len(word) - 2, 1) if len(word) > 2 else word[:1] + "*" for word in words)

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Competency Certificate")

    def _expiry_domain(self, purpose="list"):
        states = ("valid", "expiring") if purpose == "reminder" else ("valid", "expiring", "expired")
        return [("state", "in", states)]

    def _expiry_state_changed(self):
        self._update_expiry_status()

    def _jmsc_expiry_run(self):
        result = super()._jmsc_expiry_run()
        # The status follows the expiry state, also for certificates issued already expiring or expired.
        self.search(
            [("state", "in", ("valid", "expiring")), ("expiry_state", "in", ("expiring", "expired"))]
        )._update_expiry_status()
        return result

    @api.model
    def _cron_update_status(self):
        """The certificates' part of the daily expiry job (jmsc_base's jmsc.expiry.mixin)."""
        self.env["jmsc.expiry.mixin"]._cron_jmsc_expiry([self._name])

    def _update_expiry_status(self):
        """A valid or expiring certificate takes its expiry state (reminders: the expiry job's rules)."""
        active = self.filtered(lambda c: c.state in ("valid", "expiring"))
        self.env.add_to_compute(self._fields["expiry_state"], active)
        for state in ("valid", "expiring", "expired"):
            certificates = active.filtered(lambda c, state=state: c.expiry_state == state and c.state != state)
            if certificates:
                certificates._write_protected({"state": state})

# pylint: disable=consider-merging-classes-inherited
import base64

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools import public_token
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html
from odoo.tools.mimetypes import guess_mimetype

COMPLAINT_MAX_BYTES = 5 * 1024 * 1024
COMPLAINT_MAX_FILES = 3
COMPLAINT_MAX_TOTAL_BYTES = 10 * 1024 * 1024
COMPLAINT_MIMETYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
COMPLAINT_TEXT_LIMITS = {"name": 128, "contact": 128, "migrant_name": 128, "description": 5000}
# Tracking codes are read out on the phone: public_token.new_spoken_code (no I, L, O, U, 0 or 1).
TRACKING_GROUPS = 3
TRACKING_PREFIX = "JMSC"


def jmsc_new_tracking_code():
    return public_token.new_spoken_code(TRACKING_PREFIX, TRACKING_GROUPS)


def jmsc_normalise_tracking_code(raw):
    """``" jmsc 7k3q-9wxm 4tpa "`` -> ``"JMSC-7K3Q-9WXM-4TPA"``; None if it cannot be a tracking code."""
    return public_token.normalise_spoken_code(raw, TRACKING_PREFIX, TRACKING_GROUPS)


class HelpdeskTicket(models.Model):
    """The public complaint form and the tracking code a complainant checks the case with."""

    _inherit = "helpdesk.ticket"

    # Public complaint tracking
    jmsc_tracking_code = fields.Char(
        string="Tracking Code",
        copy=False,
        readonly=True,
        index=True,
    )
    jmsc_public_update = fields.Text(
        string="Public Update", tracking=True, help="Shown to whoever checks the case with its tracking code."
    )

    _sql_constraints = [
        ("jmsc_tracking_code_unique", "unique(jmsc_tracking_code)", "The tracking code of a case must be unique."),
    ]

    @api.model
    def _jmsc_create_public_complaint(self, values, uploads=None):
        """Create a case from the public form after checking every input; returns its tracking code.

        ``values``: name, contact, migrant_name, country_id, category_id, description;
        ``uploads``: optional list of (filename, bytes). The case waits in the moderation stage, its SLA
        clock stopped, until an agent accepts it.
        """
        labels = {
            "name": self.env._("Your name"),
            "contact": self.env._("Your phone or email"),
            "migrant_name": self.env._("Name of the migrant worker"),
            "description": self.env._("What happened?"),
        }
        cleaned = {}
        for key, limit in COMPLAINT_TEXT_LIMITS.items():
            text = (values.get(key) or "").strip()
            if not text:
                raise ValidationError(self.env._("The field “%s” is required.", labels[key]))
            if len(text) > limit:
                raise ValidationError(
                    self.env._(
                        "The field “%(field)s” is longer than %(limit)s characters.", field=labels[key], limit=limit
                    )
                )
            cleaned[key] = text
        category = self._jmsc_public_record("helpdesk.ticket.category", values.get("category_id"))
        if not category or not category.show_in_portal or not category.jmsc_code:
            raise ValidationError(self.env._("The field “Problem” must be one of the case types offered."))
        country = self._jmsc_public_record("res.country", values.get("country_id"))
        attachments_vals = self._jmsc_check_complaint_uploads(uploads or [])
        channel = self.env.ref("jmsc_helpdesk.channel_web_form", raise_if_not_found=False)
        moderation = self.env.ref("jmsc_helpdesk.stage_moderation")
        # sudo: the public user holds no right on cases; every input was checked above.
        ticket = (
            self.sudo()
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "name": self.env._("Web complaint about %s", cleaned["migrant_name"]),
                    "description": plaintext2html(cleaned["description"]),
                    "category_id": category.id,
                    "stage_id": moderation.id,
                    "user_id": False,
                    "jmsc_sla_start": False,
                    "channel_id": channel.id if channel else False,
                    "jmsc_caller_type": "migrant"
                    if cleaned["name"].casefold() == cleaned["migrant_name"].casefold()
                    else "family",
                    "jmsc_caller_name": cleaned["name"],
                    "jmsc_caller_phone": cleaned["contact"],
                    "partner_email": cleaned["contact"] if "@" in cleaned["contact"] else False,
                    "jmsc_subject_name": cleaned["migrant_name"],
                    "jmsc_country_id": country.id if country else False,
                }
            )
        )
        if attachments_vals:
            self.env["ir.attachment"].sudo().create(
                [dict(vals, res_model=self._name, res_id=ticket.id) for vals in attachments_vals]
            )
        return ticket.jmsc_tracking_code

    @api.model
    def _jmsc_public_record(self, model, raw_id):
        try:
            record_id = int(raw_id or 0)
        except (TypeError, ValueError):
            return self.env[model]
        return self.env[model].sudo().search([("id", "=", record_id)], limit=1) if record_id > 0 else self.env[model]

    @api.model
    def _jmsc_check_complaint_uploads(self, uploads):
        """Attachment values for the allowed uploads; ValidationError past the quota (count, size, types)."""
        uploads = [(name, content) for name, content in uploads if name or content]
        if len(uploads) > COMPLAINT_MAX_FILES:
            raise ValidationError(self.env._("Attach at most %s files to a report.", COMPLAINT_MAX_FILES))
        if sum(len(content) for _name, content in uploads) > COMPLAINT_MAX_TOTAL_BYTES:
            raise ValidationError(
                self.env._(
                    "The attachments together are larger than %s MB.", COMPLAINT_MAX_TOTAL_BYTES // (1024 * 1024)
                )
            )
        return [self._jmsc_check_complaint_upload(upload) for upload in uploads]

    @api.model
    def _jmsc_check_complaint_upload(self, upload):
        filename, content = upload
        filename = (filename or "").replace("\\", "/").rsplit("/", 1)[-1][:128]
        if len(content) > COMPLAINT_MAX_BYTES:
            raise ValidationError(
                self.env._(
                    "The attachment %(name)s is larger than %(limit)s MB.",
                    name=filename,
                    limit=COMPLAINT_MAX_BYTES // (1024 * 1024),
                )
            )
        mimetype = guess_mimetype(content)
        extension = filename.rsplit(".", 1)[-1].lower()
        allowed = COMPLAINT_MIMETYPES.get(mimetype)
        if not allowed or extension not in {allowed, "jpeg" if allowed == "jpg" else allowed}:
            raise ValidationError(self.env._("The attachment %s must be a PDF, JPG or PNG file.", filename))
        return {"name": filename, "datas": base64.b64encode(content), "mimetype": mimetype}

    @api.model
    def _jmsc_public_status(self, code):
        """What the complainant may know of the case with this tracking code (any case, spacing or
        dashes), or None: a public status in plain words, the last public update and its date."""
        code = jmsc_normalise_tracking_code(code)
        if not code:
            return None
        # sudo: the public user reads no case; only the fields below leave this method.
        ticket = self.sudo().search([("jmsc_tracking_code", "=", code)], limit=1)
        if not ticket:
            return None
        return {
            "code": code,
            "stage": ticket._jmsc_public_stage_label(),
            "update": ticket.jmsc_public_update or "",
            "date": ticket.last_stage_update or ticket.create_date,
        }

    def _jmsc_public_stage_label(self):
        self.ensure_one()
        stage = self.stage_id
        if stage.jmsc_moderation:
            return self.env._("Received, waiting to be checked by an officer")
        if stage == self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected", raise_if_not_found=False):
            return self.env._("Not processed (the report could not be handled)")
        if stage.closed:
            return self.env._("Finished")
        if stage.jmsc_pause_sla:
            return self.env._("Waiting for information from you: the call centre will contact you")
        if stage == self.env.ref("jmsc_helpdesk.stage_referred", raise_if_not_found=False):
            return self.env._("Referred to the agency in charge")
        if stage.unattended:
            return self.env._("Accepted, waiting for an officer")
        return self.env._("Being handled by an officer")

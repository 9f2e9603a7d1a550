# pylint: disable=consider-merging-classes-inherited
"""Privacy (UU PDP 27/2022): what the suite holds about a person, its erasure and the subject's own copy.

One inventory, `_jmsc_privacy_inventory()`, lists every record that refers to the people in `self`,
by category. Each module adds its categories in `_jmsc_privacy_categories()` (one file per module,
`models/res_partner_erasure.py`). The erasure (`_jmsc_anonymize`), the wizard's plan and the
"data about me" export all read that inventory, so what is erased and what is exported cannot drift.

A category is a dict:
- ``key``: a stable code; ``label``: its name for people;
- ``records``: the records (sudo, ``active_test=False``);
- ``action``: ``erase`` (deleted), ``scrub`` (kept, ``values`` written: free text cleared) or ``keep``
  (kept as it is, detached from the person: the person's own record is anonymised);
- ``values``: for ``scrub``, a dict or a function record -> dict;
- ``write``: optional, the function (record, values) that writes them through the model's own path
  when a write guard protects the fields;
- ``reason``: why it is kept (``scrub``/``keep``);
- ``purpose`` and ``recipients``: why it is processed and which agencies receive it (export);
- ``fields``: the fields shown in the export.
The chatter messages (with their tracking values), attachments (with their indexed text and files),
activities and followers of every listed record are erased whatever the category's action.
"""

import base64
import contextlib
import json
import logging
import os
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext

_logger = logging.getLogger(__name__)

TRACKING_KINDS = ("char", "text", "integer", "float", "datetime")
PARTNER_EXPORT_FIELDS = [
    "name",
    "nik",
    "kk_number",
    "gender",
    "birthdate_date",
    "place_of_birth",
    "religion",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "city",
    "zip",
    "district",
    "village",
    "regency_id",
    "country_id",
    "health_notes",
    "comment",
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------ inventory
    def _jmsc_privacy_categories(self):
        """The categories of records about these people held by jmsc_base; modules append theirs."""
        people = self.sudo().with_context(active_test=False)
        family = people.family_member_ids
        relatives = family.member_id - people
        kept_relatives = relatives.filtered(lambda r: r._jmsc_privacy_kept_elsewhere(people))
        users = self._jmsc_privacy_records("res.users")
        banks = self._jmsc_privacy_records("res.partner.bank")
        registry = self.env._("the West Java manpower office (Disnakertrans Jabar) and its regency offices")
        return [
            {
                "key": "person",
                "label": self.env._("Personal record"),
                "records": people,
                "action": "scrub",
                "values": {},  # _jmsc_anonymize scrubs the person's own record
                "reason": self.env._(
                    "Regency, stage, gender and birth year stay for the statistics the law requires; "
                    "name, NIK, KK, contacts, address, photo and health notes are erased."
                ),
                "purpose": self.env._("Registration and protection of a migrant worker (UU 18/2017)"),
                "recipients": registry,
                "fields": [f for f in PARTNER_EXPORT_FIELDS if f in people._fields],
            },
            {
                "key": "identity_documents",
                "label": self.env._("Identity documents (including archived ones)"),
                "records": people.with_context(active_test=False).id_numbers,
                "action": "erase",
                "purpose": self.env._("Checking identity and travel documents"),
                "recipients": registry,
                "fields": [
                    "category_id",
                    "name",
                    "partner_issued_id",
                    "place_issuance",
                    "date_issued",
                    "valid_from",
                    "valid_until",
                    "status",
                    "comment",
                    "active",
                ],
            },
            {
                "key": "family",
                "label": self.env._("Family members"),
                "records": family,
                "action": "erase",
                "purpose": self.env._("Contacting the family in an emergency"),
                "recipients": registry,
                "fields": ["member_id", "relation", "is_next_of_kin", "phone", "mobile"],
            },
            {
                "key": "relatives",
                "label": self.env._("Relatives' contact records"),
                "records": relatives - kept_relatives,
                "action": "erase",
                "purpose": self.env._("Contacting the family in an emergency"),
                "recipients": registry,
                "fields": ["name", "email", "phone", "mobile", "street", "city"],
            },
            {
                "key": "relatives_kept",
                "label": self.env._("Relatives kept for another reason"),
                "records": kept_relatives,
                "action": "keep",
                "reason": self.env._(
                    "The relative is a migrant, a user or a relative of another migrant: only the link is erased."
                ),
                "purpose": self.env._("Contacting the family in an emergency"),
                "recipients": registry,
                "fields": ["name"],
            },
            {
                "key": "consents",
                "label": self.env._("Consents"),
                "records": people.consent_ids,
                "action": "erase",
                "purpose": self.env._("Proof of the consent given for each purpose"),
                "recipients": registry,
                "fields": [
                    f
                    for f in ("purpose", "channel", "date", "state", "withdrawal_date", "withdrawal_reason")
                    if f in people.consent_ids._fields
                ],
            },
            {
                "key": "placements",
                "label": self.env._("Placements"),
                "records": people.placement_ids,
                "action": "scrub",
                "values": {"employer": False, "agreement_number": False, "salary": 0.0},
                "reason": self.env._(
                    "Country, sector and dates stay for the placement statistics; "
                    "employer, agreement and salary are erased."
                ),
                "purpose": self.env._("Protection during the placement abroad"),
                "recipients": self.env._("%(registry)s, BP3MI and the placement agency", registry=registry),
                "fields": ["country_id", "employer", "occupation", "agreement_number", "salary"],
            },
            {
                "key": "stage_history",
                "label": self.env._("Stage history"),
                "records": self.env["jmsc.stage.history"].sudo().search([("partner_id", "in", people.ids)]),
                "action": "keep",
                "reason": self.env._("Dates of the stages only, for the statistics; they no longer point to a person."),
                "purpose": self.env._("Statistics of the migration stages"),
                "recipients": registry,
                "fields": [],
            },
            {
                "key": "portal_users",
                "label": self.env._("Portal accounts"),
                "records": users,
                "action": "scrub",
                "values": lambda user: {
                    "login": f"anonymised-{user.id}",
                    "active": False,
                    "signature": False,
                    "password": os.urandom(24).hex(),
                },
                "reason": self.env._(
                    "The account is deactivated and its login, name and password erased; "
                    "the row stays for the audit trail."
                ),
                "purpose": self.env._("The migrant's own access to the portal"),
                "recipients": self.env._("None"),
                "fields": ["login", "active", "login_date"],
            },
            {
                "key": "bank_accounts",
                "label": self.env._("Bank accounts"),
                "records": banks,
                "action": "erase",
                "purpose": self.env._("Payments and remittances"),
                "recipients": registry,
                "fields": ["acc_number", "acc_holder_name", "bank_id"],
            },
        ]

    def _jmsc_privacy_records(self, model, domain=None):
        """The records of ``model`` matching ``domain`` (by default: whose ``partner_id`` is one of these people),
        archived ones included, as the inventory reads them (sudo: the callers check the rights)."""
        if domain is None:
            domain = [("partner_id", "in", self.ids)]
        return self.env[model].sudo().with_context(active_test=False).search(domain)

    @api.model
    def _jmsc_privacy_service(self, purpose, recipients, reason, categories):
        """The categories of one service that share a ``purpose``, ``recipients`` and a ``reason`` to keep them.

        Each category of ``categories`` names its ``key``, ``label``, ``records`` and ``fields``, and its ``values``
        when it is scrubbed: its ``action`` is then ``scrub``, else ``keep``. A category may name its own
        ``action``, ``reason``, ``purpose``, ``recipients`` or ``write``; those win over the service's.
        """
        shared = {"purpose": purpose, "recipients": recipients, "reason": reason}
        return [
            {**shared, "action": "scrub" if "values" in category else "keep", **category} for category in categories
        ]

    def _jmsc_privacy_kept_elsewhere(self, erased_people):
        """Whether this relative is kept for a reason other than the people being erased."""
        self.ensure_one()
        if self.is_migrant or self.with_context(active_test=False).user_ids:
            return True
        links = (
            self.env["jmsc.family.member"]
            .sudo()
            .search_count([("member_id", "=", self.id), ("partner_id", "not in", erased_people.ids)])
        )
        return bool(links)

    def _jmsc_privacy_inventory(self):
        """Every category of every module, then the traces (messages, attachments, activities) on them."""
        categories = [c for c in self.sudo().with_context(active_test=False)._jmsc_privacy_categories() if c["records"]]
        for category in categories:
            category["records"] = category["records"].sudo().with_context(active_test=False)
        targets = self._jmsc_privacy_targets(categories)
        Message = self.env["mail.message"].sudo()
        message_domain = [("author_id", "in", self.ids)]
        for model, ids in targets.items():
            message_domain = ["|", "&", ("model", "=", model), ("res_id", "in", ids)] + message_domain
        messages = Message.search(message_domain)
        attachments = self._jmsc_privacy_attachments(targets)
        activities = self.env["mail.activity"].sudo()
        followers = self.env["mail.followers"].sudo().search([("partner_id", "in", self.ids)])
        for model, ids in targets.items():
            activities |= activities.search([("res_model", "=", model), ("res_id", "in", ids)])
            followers |= followers.search([("res_model", "=", model), ("res_id", "in", ids)])
        mails = self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.ids)])
        traces = self.env._("Every message, document and task kept on the records above is erased with them.")
        categories += [
            {
                "key": "messages",
                "label": self.env._("Messages, notes and change history"),
                "records": messages,
                "action": "erase",
                "reason": traces,
                "purpose": self.env._("Following up the records above"),
                "recipients": self.env._("The officers handling the records above"),
                "fields": ["date", "model", "res_id", "author_id", "subject", "body"],
            },
            {
                "key": "attachments",
                "label": self.env._("Attachments and uploaded files"),
                "records": attachments,
                "action": "erase",
                "purpose": self.env._("Evidence and documents of the records above"),
                "recipients": self.env._("The officers handling the records above"),
                "fields": ["name", "res_model", "res_id", "mimetype", "file_size", "create_date"],
            },
            {
                "key": "activities",
                "label": self.env._("Planned activities"),
                "records": activities,
                "action": "erase",
                "purpose": self.env._("Following up the records above"),
                "recipients": self.env._("The officers handling the records above"),
                "fields": ["res_model", "res_id", "summary", "note", "date_deadline"],
            },
            {
                "key": "followers",
                "label": self.env._("Followers"),
                "records": followers,
                "action": "erase",
                "purpose": self.env._("Notifying the people following the records above"),
                "recipients": self.env._("The followers"),
                "fields": ["res_model", "res_id", "partner_id"],
            },
            {
                "key": "emails",
                "label": self.env._("Outgoing emails"),
                "records": mails,
                "action": "erase",
                "purpose": self.env._("Notifications sent to the person"),
                "recipients": self.env._("The person"),
                "fields": ["subject", "email_to", "state"],
            },
        ]
        return [c for c in categories if c["records"]]

    @api.model
    def _jmsc_privacy_targets(self, categories):
        """{model: [ids]} of every listed record (whose chatter and attachments go with the person)."""
        targets = {}
        for category in categories:
            records = category["records"]
            if records._name in ("mail.message", "ir.attachment", "mail.activity", "mail.followers", "mail.mail"):
                continue
            targets.setdefault(records._name, set()).update(records.ids)
        return {model: sorted(ids) for model, ids in targets.items()}

    @api.model
    def _jmsc_privacy_attachments(self, targets):
        """Attachments of the records, field attachments (scans, photos) included."""
        ids = []
        for model, res_ids in targets.items():
            self.env.cr.execute(
                SQL("SELECT id FROM ir_attachment WHERE res_model = %s AND res_id = ANY(%s)", model, list(res_ids))
            )
            ids += [row[0] for row in self.env.cr.fetchall()]
        return self.env["ir.attachment"].sudo().browse(ids)

    # ------------------------------------------------------------------ plan (wizard)
    def _jmsc_privacy_plan(self, inventory=None):
        """[(label, count, action label, reason)] shown by the anonymise wizard before it runs."""
        actions = {
            "erase": self.env._("Erased"),
            "scrub": self.env._("Kept, personal data erased"),
            "keep": self.env._("Kept"),
        }
        inventory = self._jmsc_privacy_inventory() if inventory is None else inventory
        return [(c["label"], len(c["records"]), actions[c["action"]], c.get("reason") or "") for c in inventory]

    def _jmsc_privacy_plan_html(self):
        rows = Markup().join(
            Markup("<tr><td>%s</td><td class='text-end'>%s</td><td>%s</td><td>%s</td></tr>") % line
            for line in self._jmsc_privacy_plan()
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th class='text-end'>%s</th><th>%s</th>"
            "<th>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (self.env._("Data"), self.env._("Records"), self.env._("Action"), self.env._("Why"), rows)

    # ------------------------------------------------------------------ erasure
    def _jmsc_anonymize(self):
        """Erase these people everywhere: every module's categories, then their traces. Callers check the rights."""
        people = self.sudo().with_context(active_test=False, tracking_disable=True, mail_notrack=True)
        inventory = people._jmsc_privacy_inventory()
        by_key = {c["key"]: c for c in inventory}
        fnames = set()
        # traces first: messages (their tracking values cascade), attachments, activities, followers, emails
        for key in ("messages", "activities", "followers", "emails"):
            if key in by_key:
                by_key[key]["records"].unlink()
        if "attachments" in by_key:
            fnames |= people._jmsc_privacy_unlink_attachments(by_key["attachments"]["records"])
        people_scrubbed = False
        for category in inventory:
            if category["key"] in ("messages", "attachments", "activities", "followers", "emails"):
                continue
            records = category["records"].exists().with_context(tracking_disable=True, mail_notrack=True)
            if category["key"] == "person":
                result = super(ResPartner, people)._jmsc_anonymize()
                people_scrubbed = True
            elif category["action"] == "erase":
                fnames |= people._jmsc_privacy_unlink_attachments(
                    people._jmsc_privacy_attachments({records._name: records.ids})
                )
                if records._name == "res.partner":
                    people._jmsc_privacy_erase_contacts(records)
                else:
                    records.unlink()
            elif category["action"] == "scrub":
                values = category.get("values") or {}
                writer = category.get("write") or (lambda record, vals: record.write(vals))
                for record in records:
                    vals = values(record) if callable(values) else values
                    # only what changes: a write guard refuses even a no-op write of a protected field
                    vals = {f: v for f, v in vals.items() if f in ("password",) or record[f] != v}
                    if vals:
                        writer(record, vals)
        if not people_scrubbed:
            result = super(ResPartner, people)._jmsc_anonymize()
        # what the writes above just logged (e.g. a tracked field with tracking on), and the partner's photo
        leftovers = people._jmsc_privacy_inventory()
        for category in leftovers:
            if category["key"] in ("messages", "activities", "followers", "emails"):
                category["records"].unlink()
            elif category["key"] == "attachments":
                fnames |= people._jmsc_privacy_unlink_attachments(category["records"])
        people._jmsc_privacy_delete_files_after_commit(fnames)
        return result

    def _jmsc_privacy_erase_contacts(self, contacts):
        """Delete contact records (relatives); scrub and archive those something else still points to."""
        for contact in contacts:
            try:
                with self.env.cr.savepoint():
                    contact.unlink()
            except Exception:  # noqa: BLE001 - a foreign key (restrict) keeps the row: scrub it instead
                contact.write(
                    {
                        "name": self.env._("Anonymised contact %s", contact.id),
                        "email": False,
                        "phone": False,
                        "mobile": False,
                        "street": False,
                        "street2": False,
                        "city": False,
                        "zip": False,
                        "comment": False,
                        "image_1920": False,
                        "active": False,
                    }
                )

    def _jmsc_privacy_unlink_attachments(self, attachments):
        """Unlink attachments (their indexed text goes with the row); return the files no row uses any more."""
        attachments = attachments.exists()
        if not attachments:
            return set()
        fnames = {a.store_fname for a in attachments if a.store_fname}
        attachments.unlink()
        if not fnames:
            return set()
        self.env.cr.execute(SQL("SELECT store_fname FROM ir_attachment WHERE store_fname = ANY(%s)", list(fnames)))
        return fnames - {row[0] for row in self.env.cr.fetchall()}

    def _jmsc_privacy_delete_files_after_commit(self, fnames):
        """Odoo only queues unlinked files for its garbage collector: delete the erased files once committed.

        Only after the commit (a rollback keeps the rows, so the files too), and only the files that no
        attachment row uses then (Odoo stores identical contents once).
        """
        if not fnames:
            return
        registry = self.env.registry
        Attachment = self.env["ir.attachment"]
        paths = {fname: Attachment._full_path(fname) for fname in fnames}
        # the garbage collector's own mark (unlink queued it): done here, so it need not look again
        checklist = {
            fname: os.path.join(Attachment._full_path("checklist"), re.sub("[.]", "", fname).strip("/\\"))
            for fname in fnames
        }

        @self.env.cr.postcommit.add
        def delete_files():
            with registry.cursor() as cr:
                cr.execute(SQL("SELECT store_fname FROM ir_attachment WHERE store_fname = ANY(%s)", list(paths)))
                used = {row[0] for row in cr.fetchall()}
            for fname, path in paths.items():
                if fname in used:
                    continue
                try:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
                        os.unlink(checklist[fname])
                except OSError:
                    _logger.warning("Erased attachment file %s could not be deleted", fname, exc_info=True)

    # ------------------------------------------------------------------ the subject's own copy
    def _jmsc_privacy_export_data(self):
        """Everything held about this person, by category, JSON-serialisable. Callers check the rights."""
        self.ensure_one()
        person = self.sudo().with_context(active_test=False)
        actions = {
            "erase": self.env._("Erased on request"),
            "scrub": self.env._("Anonymised on request"),
            "keep": self.env._("Kept"),
        }
        categories = []
        for category in person._jmsc_privacy_inventory():
            records = category["records"]
            names = [f for f in category["fields"] if f in records._fields]
            rows = []
            for record in records:
                values = {}
                for fname in names:
                    value = person._jmsc_privacy_export_value(record, fname)
                    if value not in (None, False, ""):
                        values[records._fields[fname]._description_string(self.env)] = value
                if records._name == "mail.message":
                    values.update(person._jmsc_privacy_export_tracking(record))
                rows.append(
                    {
                        "model": records._name,
                        "id": record.id,
                        "name": person._jmsc_privacy_record_name(record),
                        "values": values,
                    }
                )
            categories.append(
                {
                    "key": category["key"],
                    "label": category["label"],
                    "model": records._name,
                    "model_name": self._jmsc_privacy_model_label(records._name),
                    "purpose": category.get("purpose") or "",
                    "recipients": category.get("recipients") or "",
                    "on_erasure": actions[category["action"]],
                    "reason": category.get("reason") or "",
                    "records": rows,
                }
            )
        return {
            "subject": {"id": person.id, "name": person.name},
            "controller": person.env.company.name,
            "generated_at": fields.Datetime.to_string(fields.Datetime.now()),
            "law": "UU 27/2022 (Pelindungan Data Pribadi)",
            "categories": categories,
        }

    @api.model
    def _jmsc_privacy_model_label(self, model_name):
        """The model's name in the reader's language (ir.model is translated; ``_description`` is not)."""
        # sudo: a model's name only, which every screen shows anyway (a portal user may not read ir.model).
        return self.env["ir.model"].sudo()._get(model_name).name or model_name

    @api.model
    def _jmsc_privacy_record_name(self, record):
        label = self._jmsc_privacy_model_label(record._name)
        if record._name == "mail.message":
            # A message has no name of its own: its date and subject (or the record it is about).
            when = fields.Datetime.to_string(record.date) if record.date else ""
            return " ".join(part for part in (label, when, record.subject or record.record_name or "") if part)
        try:
            return record.display_name or f"{label} #{record.id}"
        except Exception:  # noqa: BLE001 - a display name computed from a deleted or restricted record
            return f"{label} #{record.id}"

    @api.model
    def _jmsc_privacy_export_value(self, record, fname):
        field = record._fields[fname]
        value = record[fname]
        if field.type in ("many2one", "many2many", "one2many"):
            return ", ".join(self._jmsc_privacy_record_name(r) for r in value) or False
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value) if value else False
        if field.type == "html":
            return html2plaintext(value or "").strip() or False
        if field.type in ("date", "datetime"):
            return fields.Datetime.to_string(value) if field.type == "datetime" else fields.Date.to_string(value)
        if field.type == "binary":
            return bool(value) and "(file)"
        if isinstance(value, bytes):
            return base64.b64encode(value).decode()
        return value

    @api.model
    def _jmsc_privacy_export_tracking(self, message):
        changes = []
        for tracking in message.sudo().tracking_value_ids:
            field = tracking.field_id
            old, new = (
                next((str(v) for v in values if v not in (None, False, "")), "")
                for values in (
                    [tracking[f"old_value_{kind}"] for kind in TRACKING_KINDS],
                    [tracking[f"new_value_{kind}"] for kind in TRACKING_KINDS],
                )
            )
            changes.append(f"{field.field_description or field.name}: {old} → {new}")
        return {self.env._("Changes"): "; ".join(changes)} if changes else {}

    def _jmsc_privacy_check_export(self):
        """The person themselves (their own portal or internal user) or a JMSC Manager; nobody else."""
        self.ensure_one()
        user = self.env.user
        if user.partner_id == self and self.is_migrant:
            return
        if user.has_group("jmsc_base.group_jmsc_manager"):
            self.check_access("read")
            return
        raise AccessError(
            self.env._("Only the person themselves or a JMSC Manager can download the data held about %s.", self.id)
        )

    def _jmsc_privacy_download(self, fmt):
        """(content, mimetype, filename) of the "data about me" export, checked and logged."""
        self.ensure_one()
        if fmt not in ("pdf", "json"):
            raise UserError(self.env._("Unknown export format %s: use pdf or json.", fmt))
        self._jmsc_privacy_check_export()
        # sudo: the checks above allow this user to receive everything held about this one person.
        person = self.sudo()
        if fmt == "json":
            content = json.dumps(person._jmsc_privacy_export_data(), ensure_ascii=False, indent=2, default=str)
            content, mimetype = content.encode(), "application/json"
        else:
            content, _type = (
                self.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf("jmsc_base.report_jmsc_data_about_me", res_ids=person.ids)
            )
            mimetype = "application/pdf"
        self._jmsc_privacy_log_export(fmt)
        return content, mimetype, f"data-pribadi-{self.id}.{fmt}"

    def _jmsc_privacy_log_export(self, fmt):
        """Log who downloaded the export, when and in which format, in the person's chatter."""
        self.ensure_one()
        odoobot = self.env.ref("base.partner_root")
        # sudo: a portal user cannot post on their record; the message is written by OdooBot, no email.
        self.sudo().message_post(
            body=self.env._(
                "Data about me export (%(format)s) downloaded by %(user)s on %(date)s.",
                format=fmt.upper(),
                user=self.env.user.name,
                date=fields.Datetime.to_string(fields.Datetime.now()),
            ),
            author_id=odoobot.id,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        # ... and in the access log (who saw what), with the other exports of personal data.
        self.env["jmsc.access.log"]._jmsc_log(
            "export", self._name, [(self.id, self.id, ())], detail=f"data-about-me.{fmt.lower()}"
        )

    def action_jmsc_data_export_pdf(self):
        self.ensure_one()
        self._jmsc_privacy_check_export()
        return {"type": "ir.actions.act_url", "url": f"/jmsc/data-about-me/{self.id}/pdf", "target": "self"}

    def action_jmsc_data_export_json(self):
        self.ensure_one()
        self._jmsc_privacy_check_export()
        return {"type": "ir.actions.act_url", "url": f"/jmsc/data-about-me/{self.id}/json", "target": "self"}

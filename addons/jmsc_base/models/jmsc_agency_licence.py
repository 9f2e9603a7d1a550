from odoo import api, fields, models

# The worse of two expiry states, for an agency holding several licences.
_STATE_RANK = {"valid": 0, "expiring": 1, "expired": 2}
# Licence type of an agency's old licence fields, by agency type code (migrations 18.0.1.2.0 and 18.0.1.3.0).
LEGACY_LICENCE_TYPES = {"p3mi": "p3mi_permit", "training_centre": "accreditation", "cooperative": "cooperative"}


class JmscAgencyLicence(models.Model):
    """A licence an agency must keep valid: a placement agency's permit (SIP3MI), a training centre's
    accreditation, a cooperative's registration. One record per licence, so each is watched for expiry."""

    _name = "jmsc.agency.licence"
    _description = "Agency Licence"
    _inherit = ["mail.thread", "mail.activity.mixin", "jmsc.expiry.mixin"]
    _order = "expiry_date, id"

    _expiry_kind = "agency"

    partner_id = fields.Many2one(
        "res.partner",
        string="Agency",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("agency_type_id", "!=", False)],
        tracking=True,
    )
    licence_type = fields.Selection(
        [
            ("p3mi_permit", "Placement Agency Permit (SIP3MI)"),
            ("accreditation", "Training Centre Accreditation"),
            ("cooperative", "Cooperative Registration"),
            ("other", "Other Licence"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    name = fields.Char(string="Licence Number", required=True, tracking=True)
    issue_date = fields.Date()
    expiry_date = fields.Date(string="Valid Until", required=True, tracking=True)
    active = fields.Boolean(default=True)

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Agency Licence")

    @api.depends("partner_id", "licence_type", "name")
    def _compute_display_name(self):
        types = dict(self._fields["licence_type"]._description_selection(self.env))
        for licence in self:
            licence.display_name = (
                f"{types.get(licence.licence_type, '')} {licence.name or ''} - {licence.partner_id.name or ''}"
            )

    def _jmsc_worst_expiry_state(self):
        """The worst expiry state of these licences (expired, expiring, valid); False for none."""
        states = [state for state in self.mapped("expiry_state") if state]
        return max(states, key=_STATE_RANK.get, default=False)

    @api.model
    def _jmsc_copy_legacy_licences(self, rows):
        """Licence records for the licence values agencies held in their old partner fields (migration
        18.0.1.3.0). ``rows``: (agency id, licence number, valid until, p3mi number, p3mi expiry).

        Idempotent: a value is skipped when the agency already has a licence (archived included) with the
        same number, or, for a value without a number, with the same date. A number without a date cannot
        become a licence (the date is required): it is noted on the agency's chatter, so nothing is lost.
        Returns the licences created."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        agencies = Partner.browse({row[0] for row in rows}).exists()
        existing = self.with_context(active_test=False).search([("partner_id", "in", agencies.ids)])
        known = {(lic.partner_id.id, lic.name) for lic in existing} | {
            (lic.partner_id.id, lic.expiry_date) for lic in existing
        }
        vals_list, notes = [], []
        for partner_id, number, valid_until, p3mi_number, p3mi_expiry in rows:
            agency = agencies.browse(partner_id)
            if agency not in agencies:
                continue
            values = []
            if p3mi_number or p3mi_expiry:
                values.append(("p3mi_permit", p3mi_number, p3mi_expiry))
            if number or valid_until:
                licence_type = LEGACY_LICENCE_TYPES.get(agency.agency_type_id.code, "other")
                if (number or False, valid_until or False) != (p3mi_number or False, p3mi_expiry or False):
                    values.append((licence_type, number, valid_until))
            for licence_type, licence_number, date in values:
                key = (partner_id, licence_number) if licence_number else (partner_id, date)
                if key in known:
                    continue
                known.add(key)
                if not date:
                    notes.append((agency, licence_number))
                    continue
                known.add((partner_id, date))
                vals_list.append(
                    {
                        "partner_id": partner_id,
                        "licence_type": licence_type,
                        "name": licence_number or "-",
                        "expiry_date": date,
                    }
                )
        licences = self.create(vals_list)
        author = self.env.ref("base.partner_root")
        # Officers read Indonesian: the note is written in it when the language is installed.
        env = self.with_context(lang="id_ID").env if self.env["res.lang"]._lang_get("id_ID") else self.env
        Message = self.env["mail.message"]
        for agency, licence_number in notes:
            noted = [("model", "=", "res.partner"), ("res_id", "=", agency.id), ("body", "ilike", licence_number)]
            if Message.search_count(noted, limit=1):
                continue  # noted by an earlier run
            agency.message_post(
                body=env._(
                    "Licence number %s had no validity date in the old licence fields: add it on the Licences tab "
                    "with its date so that its expiry is watched.",
                    licence_number,
                ),
                author_id=author.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return licences

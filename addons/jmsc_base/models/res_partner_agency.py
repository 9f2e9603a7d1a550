# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.tools import SQL

from .jmsc_expiry_mixin import EXPIRY_STATES

_LICENCE_SUMMARY = {"compute": "_compute_jmsc_agency_licence", "groups": "jmsc_base.group_jmsc_user"}


class ResPartner(models.Model):
    """Users and licences of an agency. The licences are jmsc.agency.licence records, watched by the expiry
    engine; the fields below summarise the current ones (per licence type, the one valid the longest)."""

    _inherit = "res.partner"

    agency_type_code = fields.Char(related="agency_type_id.code", string="Agency Type Code")
    agency_user_count = fields.Integer(compute="_compute_agency_user_count")
    jmsc_agency_licence_ids = fields.One2many(
        "jmsc.agency.licence", "partner_id", string="Licences", help="Licences watched by the expiry reminders."
    )
    # Summary of the current licences (one compute over the licence records), for JMSC users like the records.
    jmsc_agency_licence_id = fields.Many2one(
        "jmsc.agency.licence",
        string="Current Licence",
        help="Of the agency's current licences (per type, the one valid the longest), the one expiring first.",
        **_LICENCE_SUMMARY,
    )
    jmsc_agency_licence_number = fields.Char(string="Licence Number", **_LICENCE_SUMMARY)
    jmsc_agency_licence_until = fields.Date(string="Licence Valid Until", **_LICENCE_SUMMARY)
    jmsc_agency_licence_state = fields.Selection(
        EXPIRY_STATES,
        string="Licence Expiry",
        search="_search_jmsc_agency_licence_state",
        help="The worst expiry state of the agency's current licences; empty without a licence.",
        **_LICENCE_SUMMARY,
    )

    def _compute_agency_user_count(self):
        counts = dict(
            self.env["res.users"]._read_group([("jmsc_agency_id", "in", self.ids)], ["jmsc_agency_id"], ["__count"])
        )
        for partner in self:
            partner.agency_user_count = counts.get(partner._origin, 0)

    @api.depends(
        "jmsc_agency_licence_ids.name",
        "jmsc_agency_licence_ids.expiry_date",
        "jmsc_agency_licence_ids.expiry_state",
        "jmsc_agency_licence_ids.licence_type",
        "jmsc_agency_licence_ids.active",
    )
    def _compute_jmsc_agency_licence(self):
        current = self._jmsc_agency_licences_current(self._origin.ids)
        for partner in self:
            licences = current.get(partner._origin.id, self.env["jmsc.agency.licence"])
            partner.jmsc_agency_licence_id = licences[:1]
            partner.jmsc_agency_licence_number = licences[:1].name
            partner.jmsc_agency_licence_until = licences[:1].expiry_date
            partner.jmsc_agency_licence_state = licences._jmsc_worst_expiry_state()

    def _search_jmsc_agency_licence_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            return NotImplemented
        wanted = {value} if operator in ("=", "!=") else set(value)
        states = {
            partner_id: licences._jmsc_worst_expiry_state()
            for partner_id, licences in self._jmsc_agency_licences_current().items()
        }
        positive = operator in ("=", "in")
        if False in wanted or None in wanted:
            # "No licence" is asked for too: leave out the agencies whose state is not wanted.
            others = [partner_id for partner_id, state in states.items() if state not in wanted]
            return [("id", "not in" if positive else "in", others)]
        matching = [partner_id for partner_id, state in states.items() if state in wanted]
        return [("id", "in" if positive else "not in", matching)]

    @api.model
    def _jmsc_agency_licences_current(self, partner_ids=None):
        """{agency id: its current licences, expiring first}: per licence type the active licence valid the
        longest (a renewed licence replaces the old one without archiving it). One query."""
        Licence = self.env["jmsc.agency.licence"]
        Licence.flush_model(["partner_id", "licence_type", "expiry_date", "active"])
        where = SQL("active")
        if partner_ids is not None:
            if not partner_ids:
                return {}
            where = SQL("active AND partner_id IN %s", tuple(partner_ids))
        # Counts and states only for agencies the caller holds, over a model every JMSC user may read.
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT ON (partner_id, licence_type) partner_id, id
                     FROM jmsc_agency_licence
                    WHERE %s
                 ORDER BY partner_id, licence_type, expiry_date DESC, id DESC""",
                where,
            )
        )
        ids_by_partner = {}
        for partner_id, licence_id in self.env.cr.fetchall():
            ids_by_partner.setdefault(partner_id, []).append(licence_id)
        all_licences = Licence.browse([lid for ids in ids_by_partner.values() for lid in ids])
        all_licences.fetch(["expiry_date", "expiry_state"])
        return {
            partner_id: Licence.browse(ids).sorted(lambda lic: (lic.expiry_date, lic.id))
            for partner_id, ids in ids_by_partner.items()
        }

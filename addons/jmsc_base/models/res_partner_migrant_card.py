# pylint: disable=consider-merging-classes-inherited
"""The minimal migrant card: find a migrant by NIK without opening their record."""

import logging

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..tools import nik as nik_tools
from ..tools.office_day import office_today

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_check_partners_readable(self, vals_list, message):
        """Refuses (AccessError ``message``) new records about a person (``partner_id`` of ``vals_list``) the user
        may not read: creating a record must not widen what the user reads; such a person is found by NIK, which
        shows only the minimal card."""
        partners = self.browse({vals["partner_id"] for vals in vals_list if vals.get("partner_id")})
        if partners - partners._filtered_access("read"):
            raise AccessError(message)

    @api.model
    def jmsc_migrant_card(self, nik):
        """Find a migrant by NIK and return only a minimal card, whatever the caller may read.

        Any internal user may call it (e.g. to enrol, register a member or open a request) without gaining
        read access to the migrant: {"match": bool, "partner_id": int|False, "initials": "A. S.",
        "regency": "Kab. Indramayu"}.
        """
        if not self.env.user._is_internal():
            raise AccessError(self.env._("Only internal users can look a migrant up by NIK."))
        number = "".join(nik.split()) if isinstance(nik, str) else ""
        try:
            nik_tools.parse_nik(number, office_today(self), self._jmsc_regency_codes())
        except nik_tools.NikError as err:
            raise UserError(
                self.env._(
                    "The NIK %(nik)s is invalid: %(reason)s.",
                    nik=number or "-",
                    reason=self._jmsc_nik_error_reason(err),
                )
            ) from err
        # sudo: the caller may have no right to read this migrant. Only the card below leaves this method,
        # never the record: initials, regency and the id (which the caller still cannot open).
        migrant = (
            self.sudo()
            .with_context(active_test=False)
            .search([("nik", "=", number), ("is_migrant", "=", True)], limit=1)
        )
        _logger.info("jmsc_migrant_card: uid %s looked a NIK up (match: %s)", self.env.uid, bool(migrant))
        return self._jmsc_card_of_partner(migrant)

    @api.model
    def _jmsc_card_of_partner(self, migrant):
        """The minimal card of a migrant found (with sudo) by an exact identifier: initials and regency only."""
        if len(migrant) != 1:
            return {"match": False, "partner_id": False, "initials": "", "regency": ""}
        regency = migrant.regency_id.name or ""
        for long, short in (("Kabupaten ", "Kab. "), ("Kota ", "Kota ")):
            if regency.startswith(long):
                regency = short + regency[len(long) :]
        return {
            "match": True,
            "partner_id": migrant.id,
            "initials": nik_tools.initials(migrant.name),
            "regency": regency,
        }

    @api.model
    def _jmsc_migrant_card_or_none(self, nik):
        """The card for a search box: a string that is not a valid NIK is simply no match."""
        try:
            return self.jmsc_migrant_card(nik)
        except AccessError:
            raise
        except UserError:
            return {"match": False, "partner_id": False, "initials": "", "regency": ""}

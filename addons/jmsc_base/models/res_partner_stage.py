# pylint: disable=consider-merging-classes-inherited
"""Migration stage moves and the departure gate (required documents valid)."""

from odoo import models
from odoo.exceptions import AccessError, UserError

from ..tools.office_day import office_today
from .res_partner_guard import GUARD_CONTEXT_KEY, STAGE_TOKEN

STAGE_TRANSITIONS = {
    "prospective": {"ready", "cancelled"},
    "ready": {"prospective", "abroad", "cancelled"},
    "abroad": {"returned", "cancelled"},
    "returned": {"prospective"},
    "cancelled": {"prospective"},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_stage_ready(self):
        return self._jmsc_move_to_stage("ready")

    def action_stage_abroad(self):
        return self._jmsc_move_to_stage("abroad")

    def action_stage_returned(self):
        return self._jmsc_move_to_stage("returned")

    def action_stage_cancelled(self):
        return self._jmsc_move_to_stage("cancelled")

    def action_stage_prospective(self):
        return self._jmsc_move_to_stage("prospective")

    def _jmsc_move_to_stage(self, stage):
        if not self.env.su and not self.env.user.has_group("jmsc_base.group_jmsc_regency_officer"):
            raise AccessError(self.env._("Only Regency Officers and above can move a migrant to another stage."))
        labels = dict(self._fields["migration_stage"]._description_selection(self.env))
        for partner in self:
            if stage not in STAGE_TRANSITIONS[partner.migration_stage]:
                raise UserError(
                    self.env._(
                        "%(name)s cannot move from %(from)s to %(to)s.",
                        name=partner.display_name,
                        **{"from": labels[partner.migration_stage], "to": labels[stage]},
                    )
                )
        # The user's own write access (ACL and record rules) still applies; the token opens only the guard.
        self.with_context(**{GUARD_CONTEXT_KEY: STAGE_TOKEN}).write({"migration_stage": stage})
        return True

    def _jmsc_valid_document_map(self):
        """{partner_id: document categories the partner holds an open, unexpired document of}, in one query."""
        today = office_today(self)
        documents = (
            self.env["res.partner.id_number"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("status", "!=", "close"),
                    "|",
                    ("valid_until", "=", False),
                    ("valid_until", ">=", today),
                ]
            )
        )
        result = {partner.id: self.env["res.partner.id_category"] for partner in self}
        for document in documents:
            result[document.partner_id.id] |= document.category_id.with_env(self.env)
        return result

    def _jmsc_check_departure_documents(self):
        """Refuse departure while a required document is missing or expired."""
        required = self.env["res.partner.id_category"].sudo().search([("jmsc_required_for_departure", "=", True)])
        valid_map = self._jmsc_valid_document_map()
        for partner in self:
            missing = required - valid_map[partner.id]
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be ready to depart: these documents are missing or expired: %(docs)s.",
                        name=partner.display_name,
                        docs=", ".join(missing.mapped("name")),
                    )
                )

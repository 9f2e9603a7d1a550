# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import UserError

from .helpdesk_ticket import CASE_MANAGER_GROUP

# Context key set only by the methods allowed to change the guarded fields.
SENSITIVITY_KEY = "jmsc_sensitivity_change"
MODERATION_KEY = "jmsc_moderation_change"


class HelpdeskTicket(models.Model):
    """Write guards: the sensitive flag, sensitive hand-overs and moderation stages change only through
    their methods (contract 2)."""

    _inherit = "helpdesk.ticket"

    def _jmsc_check_guarded_write(self, vals):
        """The sensitive flag, moves into/out of sensitive case types, hand-overs of sensitive cases and
        moderation stages change only through their methods (contract 2)."""
        if self.env.su:
            return
        ctx = self.env.context
        if not ctx.get(SENSITIVITY_KEY):
            if "jmsc_is_sensitive" in vals and any(
                t.jmsc_is_sensitive != bool(vals["jmsc_is_sensitive"]) for t in self
            ):
                raise UserError(
                    self.env._(
                        "The sensitive flag of a case changes only through “Change Case Type or Sensitivity”, "
                        "by a case manager or a supervisor."
                    )
                )
            if "category_id" in vals:
                category = self.env["helpdesk.ticket.category"].browse(vals["category_id"])
                for ticket in self:
                    if ticket.category_id == category:
                        continue
                    if ticket.jmsc_is_sensitive or category.jmsc_is_sensitive or ticket.category_id.jmsc_is_sensitive:
                        raise UserError(
                            self.env._(
                                "Case %s: a move into or out of a sensitive case type goes through “Change Case "
                                "Type or Sensitivity”, by a case manager or a supervisor.",
                                ticket.number,
                            )
                        )
        if "user_id" in vals and not self.env.user.has_group(CASE_MANAGER_GROUP):
            new_user = self.env["res.users"].browse(vals["user_id"])
            for ticket in self.filtered("jmsc_is_sensitive"):
                if ticket.user_id != new_user and not (new_user and new_user.sudo().has_group(CASE_MANAGER_GROUP)):
                    raise UserError(
                        self.env._(
                            "Case %s is sensitive: only a case manager can assign it to someone who is not a "
                            "case manager.",
                            ticket.number,
                        )
                    )
        if "stage_id" in vals and not ctx.get(MODERATION_KEY):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            for ticket in self:
                if ticket.stage_id != stage and (ticket.stage_id.jmsc_moderation or stage.jmsc_moderation):
                    raise UserError(
                        self.env._(
                            "Case %s is a web complaint awaiting moderation: accept it or reject it as spam "
                            "with the buttons on the case.",
                            ticket.number,
                        )
                    )

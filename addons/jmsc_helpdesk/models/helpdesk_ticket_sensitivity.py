# pylint: disable=consider-merging-classes-inherited
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from .helpdesk_ticket import CASE_MANAGER_GROUP
from .helpdesk_ticket_guard import SENSITIVITY_KEY


class HelpdeskTicket(models.Model):
    """Sensitive cases: who sees them, who may flag them, and the manager's decision that closes them."""

    _inherit = "helpdesk.ticket"

    jmsc_is_sensitive = fields.Boolean(
        string="Sensitive",
        compute="_compute_jmsc_is_sensitive",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    jmsc_sensitive_visible = fields.Boolean(
        string="Visible to Me", compute="_compute_jmsc_sensitive_visible", search="_search_jmsc_sensitive_visible"
    )
    jmsc_decision = fields.Text(string="Manager's Decision", tracking=True, copy=False)
    jmsc_decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)

    @api.depends("category_id")
    def _compute_jmsc_is_sensitive(self):
        for ticket in self:
            ticket.jmsc_is_sensitive = ticket.category_id.jmsc_is_sensitive

    @api.depends_context("uid")
    def _compute_jmsc_sensitive_visible(self):
        is_manager = self.env.user.has_group(CASE_MANAGER_GROUP)
        for ticket in self:
            ticket.jmsc_sensitive_visible = (
                is_manager or not ticket.jmsc_is_sensitive or ticket.user_id == self.env.user
            )

    def _search_jmsc_sensitive_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._(
                    "Unsupported search on sensitive visibility: %(operator)s %(value)s", operator=operator, value=value
                )
            )
        if self.env.user.has_group(CASE_MANAGER_GROUP):
            domain = expression.TRUE_DOMAIN
        else:
            domain = ["|", ("jmsc_is_sensitive", "=", False), ("user_id", "=", self.env.uid)]
        return domain if (operator == "=") == value else ["!", *domain]

    def _jmsc_check_decision_right(self):
        if not self.env.su and not self.env.user.has_group(CASE_MANAGER_GROUP):
            raise AccessError(self.env._("Only a case manager can record the manager's decision on a case."))

    @api.model
    def _jmsc_may_change_sensitivity(self):
        return self.env.su or self.env.user.has_group(CASE_MANAGER_GROUP)

    def _jmsc_change_sensitivity(self, category, is_sensitive, reason):
        """Move cases to ``category`` and set their sensitive flag: case managers and supervisors only,
        with a reason recorded in the chatter."""
        if not self._jmsc_may_change_sensitivity():
            raise AccessError(
                self.env._("Only a case manager or a supervisor can change the case type or sensitivity of a case.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for changing the case type or sensitivity."))
        self.check_access("write")
        category = category or self.category_id
        for ticket in self:
            old_category, old_flag = ticket.category_id, ticket.jmsc_is_sensitive
            vals = {"category_id": category.id, "jmsc_is_sensitive": bool(is_sensitive)}
            # sudo-free: the group was checked above and the write still obeys the record rules.
            ticket.with_context(**{SENSITIVITY_KEY: True}).write(vals)
            yes, no = self.env._("yes"), self.env._("no")
            ticket._jmsc_post_note(
                Markup("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>")
                % (
                    self.env._("Case type or sensitivity changed by %s.", self.env.user.name),
                    self.env._(
                        "Case type: %(old)s → %(new)s",
                        old=old_category.display_name or "-",
                        new=category.display_name or "-",
                    ),
                    self.env._(
                        "Sensitive: %(old)s → %(new)s", old=yes if old_flag else no, new=yes if is_sensitive else no
                    ),
                    self.env._("Reason: %s", reason),
                )
            )
        return True

    def action_jmsc_open_sensitivity_wizard(self):
        self.ensure_one()
        if not self._jmsc_may_change_sensitivity():
            raise AccessError(
                self.env._("Only a case manager or a supervisor can change the case type or sensitivity of a case.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Case Type or Sensitivity"),
            "res_model": "jmsc.helpdesk.sensitivity.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_category_id": self.category_id.id,
                "default_is_sensitive": self.jmsc_is_sensitive,
            },
        }

    def _jmsc_check_can_close(self, vals):
        for ticket in self.filtered("jmsc_is_sensitive"):
            has_decision = vals.get("jmsc_decision") if "jmsc_decision" in vals else ticket.jmsc_decision
            referred = ticket.jmsc_referral_ids.filtered(lambda r: r.state != "cancelled")
            if not referred and not has_decision:
                raise UserError(
                    self.env._(
                        "Case %s is sensitive: refer it to an agency or record a manager's decision before closing it.",
                        ticket.number,
                    )
                )

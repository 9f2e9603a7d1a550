# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .helpdesk_ticket import AGENT_GROUP
from .helpdesk_ticket_guard import MODERATION_KEY


class HelpdeskTicket(models.Model):
    """Moderation of web complaints: accepted into the first working stage or rejected as spam."""

    _inherit = "helpdesk.ticket"

    jmsc_in_moderation = fields.Boolean(related="stage_id.jmsc_moderation", string="Awaiting Moderation")

    def _jmsc_check_moderation(self):
        if not self.env.user.has_group(AGENT_GROUP):
            raise AccessError(self.env._("Only call centre agents can moderate web complaints."))
        self.check_access("write")
        for ticket in self:
            if not ticket.stage_id.jmsc_moderation:
                raise UserError(self.env._("Case %s is not awaiting moderation.", ticket.number))

    def action_jmsc_accept_complaint(self):
        """Accept web complaints: they enter the first working stage, the SLA clock starts now and the
        accepting agent takes them (unless assigned already)."""
        self._jmsc_check_moderation()
        now = fields.Datetime.now()
        stage_new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        for ticket in self:
            vals = {"stage_id": stage_new.id, "jmsc_sla_start": now}
            if not ticket.user_id:
                vals["user_id"] = self.env.uid
            ticket.with_context(**{MODERATION_KEY: True}).write(vals)
            ticket._jmsc_refresh_sla_state(now)
            ticket._jmsc_post_note(
                self.env._("Web complaint accepted by %s: the SLA clock starts now.", self.env.user.name)
            )
        return True

    def action_jmsc_reject_complaint(self):
        """Reject web complaints as spam: closed without an SLA and without mailing the sender."""
        self._jmsc_check_moderation()
        stage_rejected = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        for ticket in self:
            vals = {"stage_id": stage_rejected.id, "jmsc_sla_start": False, "jmsc_sla_state": "on_track"}
            if ticket.jmsc_is_sensitive and not ticket.jmsc_decision:
                # The close gate of sensitive cases: the rejection is the case manager's decision.
                vals["jmsc_decision"] = self.env._("Rejected as spam during moderation.")
            ticket.with_context(**{MODERATION_KEY: True}, mail_notrack=True).write(vals)
            ticket._jmsc_post_note(self.env._("Web complaint rejected as spam by %s.", self.env.user.name))
        return True

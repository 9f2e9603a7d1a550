"""The monthly retention review: what is due, erased only after a JMSC Manager confirms."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.office_day import office_today
from ..tools.related import compute_related_count

MANAGER_GROUP = "jmsc_base.group_jmsc_manager"


class JmscRetentionReview(models.Model):
    _name = "jmsc.retention.review"
    _description = "Retention Review"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _mail_post_access = "read"
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True, default=lambda self: self.env._("New"))
    date = fields.Date(string="Review Date", required=True, readonly=True, default=office_today)
    state = fields.Selection(
        [("draft", "To Confirm"), ("done", "Anonymised"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("jmsc.retention.review.line", "review_id", string="People Due", readonly=True)
    line_count = fields.Integer(compute="_compute_line_count", string="People")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("line_ids")
    def _compute_line_count(self):
        compute_related_count(self, "line_count", "jmsc.retention.review.line", "review_id")

    # --- actions -------------------------------------------------------------------------------------------

    def _jmsc_check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only JMSC Managers can confirm or cancel a retention review."))

    def action_confirm(self):
        """Anonymise the people of the review that are still due (checked again now), then close it."""
        self._jmsc_check_manager()
        for review in self:
            if review.state != "draft":
                raise UserError(self.env._("Retention review %s is not waiting for a confirmation.", review.name))
        due, _kept = self.env["jmsc.retention.rule"]._jmsc_retention_due()
        # sudo: the caller was checked to be a JMSC Manager just above; anonymisation touches every module.
        for review in self.sudo():
            lines = review.line_ids
            still_due = lines.filtered(lambda line: line.partner_id.id in due)
            still_due.partner_id._jmsc_anonymize()
            still_due.write({"result": "anonymised"})
            (lines - still_due).write({"result": "skipped"})
            review.write({"state": "done", "confirmed_by_id": self.env.uid, "confirmed_date": fields.Datetime.now()})
            # the managers' to-dos go; the review's chatter (authored by OdooBot) says who confirmed
            review.activity_ids.unlink()
            review.message_post(
                body=self.env._(
                    "%(count)s people anonymised after confirmation by %(user)s.",
                    count=len(still_due),
                    user=self.env.user.name,
                ),
                author_id=self.env.ref("base.partner_root").id,
            )
        return True

    def action_cancel(self):
        self._jmsc_check_manager()
        # sudo: JMSC Manager checked above; the review's state is readonly for everyone else.
        for review in self.sudo().filtered(lambda r: r.state == "draft"):
            review.write({"state": "cancelled"})
            review.activity_ids.unlink()
        return True

    # --- business methods ----------------------------------------------------------------------------------

    @api.model
    def _jmsc_create_review(self, today=None):
        """A review listing everyone due today (none when nobody is), with an activity for each manager."""
        due, _kept = self.env["jmsc.retention.rule"]._jmsc_retention_due(today=today)
        if not due:
            return self.browse()
        today = today or office_today(self)
        review = self.create(
            {
                "name": self.env._("Retention review %s", fields.Date.to_string(today)),
                "date": today,
                "line_ids": [
                    fields.Command.create(
                        {
                            "partner_id": partner_id,
                            "rule_id": values["rule"].id,
                            "trigger_date": values["trigger_date"],
                            "due_date": values["due_date"],
                        }
                    )
                    for partner_id, values in due.items()
                ],
            }
        )
        managers = self.env.ref(MANAGER_GROUP).users.filtered(lambda u: u.active and not u.share)
        for manager in managers:
            review.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=self.env._("Retention review: %s people due for anonymisation", len(due)),
            )
        return review

    @api.model
    def _cron_jmsc_retention_review(self):
        """Monthly: list who is due (nothing is erased before a manager confirms)."""
        if self.search_count([("state", "=", "draft")]):
            # the open review is refreshed rather than stacked: it is cancelled and listed again
            self.search([("state", "=", "draft")]).write({"state": "cancelled"})
        return self._jmsc_create_review()


class JmscRetentionReviewLine(models.Model):
    _name = "jmsc.retention.review.line"
    _description = "Retention Review Line"
    _order = "due_date, id"

    review_id = fields.Many2one("jmsc.retention.review", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Person", required=True, ondelete="cascade", index=True)
    rule_id = fields.Many2one("jmsc.retention.rule", required=True, ondelete="restrict")
    category = fields.Selection(related="rule_id.category")
    trigger_date = fields.Date(required=True)
    due_date = fields.Date(required=True)
    result = fields.Selection(
        [("due", "Due"), ("anonymised", "Anonymised"), ("skipped", "No Longer Due")], default="due", required=True
    )

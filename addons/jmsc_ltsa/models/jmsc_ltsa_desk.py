from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .jmsc_ltsa_service import DESK_TYPES


class JmscLtsaDesk(models.Model):
    _name = "jmsc.ltsa.desk"
    _description = "LTSA Desk (counter)"
    _order = "site_id, sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    site_id = fields.Many2one("jmsc.ltsa.site", required=True, index=True, ondelete="cascade")
    agency_id = fields.Many2one("res.partner", domain=[("agency_type_id", "!=", False)], index=True)
    desk_type = fields.Selection(DESK_TYPES, required=True)
    category_ids = fields.Many2many(
        "jmsc.ltsa.category", "jmsc_ltsa_desk_category_rel", "desk_id", "category_id", string="Service Categories"
    )
    user_ids = fields.Many2many("res.users", "jmsc_ltsa_desk_res_users_rel", "desk_id", "user_id", string="Officers")
    supervisor_id = fields.Many2one(related="site_id.supervisor_id")
    current_ticket_id = fields.Many2one("jmsc.ltsa.ticket", readonly=True, copy=False)
    current_state = fields.Selection(related="current_ticket_id.state", string="Ticket Status")
    current_call_count = fields.Integer(related="current_ticket_id.call_count", string="Calls")
    current_partner_id = fields.Many2one(related="current_ticket_id.partner_id", string="Visitor")
    current_step_id = fields.Many2one(related="current_ticket_id.step_id", string="Current Step")
    current_request_id = fields.Many2one(related="current_ticket_id.request_id", string="Current Request")
    current_required_doc_ids = fields.Many2many(
        related="current_step_id.service_id.required_doc_type_ids", string="Document Checklist"
    )
    current_missing_doc_ids = fields.Many2many(related="current_step_id.missing_doc_ids", string="Missing Documents")
    current_document_ids = fields.One2many(related="current_partner_id.id_numbers", string="Visitor's Documents")
    current_output_doc_type_id = fields.Many2one(
        related="current_step_id.service_id.output_doc_type_id", string="Document to Issue"
    )
    current_output_number = fields.Char(
        related="current_step_id.output_number", readonly=False, string="Number of the Issued Document"
    )
    current_output_valid_until = fields.Date(
        related="current_step_id.output_valid_until", readonly=False, string="Issued Document Expires"
    )
    waiting_count = fields.Integer(compute="_compute_waiting_count")

    def _compute_waiting_count(self):
        days = {site: site._local_today() for site in self.site_id}
        counts = {
            (site, category, day): count
            for site, category, day, count in self.env["jmsc.ltsa.ticket"]._read_group(
                [
                    ("site_id", "in", self.site_id.ids),
                    ("day", "in", list(set(days.values()))),
                    ("state", "=", "waiting"),
                ],
                ["site_id", "category_id", "day:day"],
                ["__count"],
            )
        }
        for desk in self:
            day = days.get(desk.site_id)
            desk.waiting_count = sum(counts.get((desk.site_id, category, day), 0) for category in desk.category_ids)

    @api.constrains("category_ids", "site_id")
    def _check_categories(self):
        for desk in self:
            if not desk.category_ids:
                raise ValidationError(
                    self.env._("Desk %(desk)s must serve at least one service category.", desk=desk.display_name)
                )

    def _lock_next_ticket(self):
        """Lock the next ticket this desk may call: priority first, then oldest.

        SKIP LOCKED leaves tickets another desk is calling right now to that desk.
        """
        self.ensure_one()
        self.env["jmsc.ltsa.ticket"].flush_model(
            ["site_id", "day", "category_id", "state", "is_priority", "issued_date"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM jmsc_ltsa_ticket
                 WHERE site_id = %(site)s AND day = %(day)s AND category_id IN %(categories)s
                   AND state = 'waiting'
              ORDER BY is_priority DESC, issued_date, id
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """,
                site=self.site_id.id,
                day=self.site_id._local_today(),
                categories=tuple(self.category_ids.ids),
            ),
            log_exceptions=False,  # a serialization failure is retried by the RPC layer
        )
        row = self.env.cr.fetchone()
        return self.env["jmsc.ltsa.ticket"].browse(row[0] if row else [])

    def _ensure_current(self):
        self.ensure_one()
        if not self.current_ticket_id:
            raise UserError(self.env._("Desk %(desk)s has no ticket in progress: call the next one.", desk=self.name))
        return self.current_ticket_id

    def action_call_next(self):
        """Call the next ticket; returns its code (or False when the queue is empty)."""
        self.ensure_one()
        self.check_access("write")
        if self.current_ticket_id.state in ("called", "serving"):
            raise UserError(
                self.env._(
                    "Desk %(desk)s is still busy with ticket %(ticket)s: finish it or record a no-show first.",
                    desk=self.name,
                    ticket=self.current_ticket_id.name,
                )
            )
        ticket = self._lock_next_ticket()
        if not ticket:
            self.current_ticket_id = False
            return False
        ticket._mark_called(self)
        self.current_ticket_id = ticket
        return ticket.name

    def action_recall(self):
        """Call the current visitor again; past the site's limit it becomes a no-show."""
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "called":
            raise UserError(self.env._("Ticket %(ticket)s is not waiting to be called.", ticket=ticket.name))
        if ticket.call_count >= self.site_id.no_show_calls:
            return self.action_no_show()
        ticket.call_count += 1
        return ticket.name

    def action_no_show(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.call_count < self.site_id.no_show_calls:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s was called %(calls)s times; a no-show needs %(needed)s calls.",
                    ticket=ticket.name,
                    calls=ticket.call_count,
                    needed=self.site_id.no_show_calls,
                )
            )
        ticket.write({"state": "no_show", "finished_date": fields.Datetime.now()})
        if ticket.step_id.state == "called":
            ticket.step_id.state = "waiting"
        self.current_ticket_id = False
        return False

    def action_start(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "called":
            raise UserError(self.env._("Ticket %(ticket)s must be called before it is served.", ticket=ticket.name))
        if ticket.step_id:
            ticket.step_id.action_start()
        ticket.write({"state": "serving", "started_date": fields.Datetime.now()})
        return True

    def action_finish(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "serving":
            raise UserError(self.env._("Ticket %(ticket)s is not being served.", ticket=ticket.name))
        if ticket.step_id:
            ticket.step_id.action_finish()
        ticket.write({"state": "done", "finished_date": fields.Datetime.now()})
        self.current_ticket_id = False
        return True

    def action_needs_documents(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if not ticket.step_id:
            raise UserError(
                self.env._("Ticket %(ticket)s is not linked to a service request step.", ticket=ticket.name)
            )
        ticket.step_id.action_needs_documents()
        ticket.write({"state": "done", "finished_date": fields.Datetime.now()})
        self.current_ticket_id = False
        return True

    def action_open_screen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "jmsc.ltsa.desk",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("jmsc_ltsa.jmsc_ltsa_desk_view_form_screen").id, "form")],
            "target": "current",
        }

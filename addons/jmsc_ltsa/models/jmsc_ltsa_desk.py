from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .jmsc_ltsa_guard import check_guarded_fields, guarded
from .jmsc_ltsa_service import DESK_TYPES

PROTECTED_FIELDS = {"current_ticket_id", "last_ticket_id"}


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
    last_ticket_id = fields.Many2one(
        "jmsc.ltsa.ticket", string="Last Ticket Served", readonly=True, copy=False, help="For its receipt."
    )
    current_state = fields.Selection(related="current_ticket_id.state", string="Ticket Status")
    current_priority = fields.Selection(related="current_ticket_id.priority", string="Priority")
    current_priority_state = fields.Selection(related="current_ticket_id.priority_state", string="Priority Check")
    current_issued_time = fields.Char(related="current_ticket_id.issued_time", string="Issued at")
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

    def write(self, vals):
        check_guarded_fields(self, vals, PROTECTED_FIELDS)
        return super().write(vals)

    def _set_current(self, ticket):
        vals = {"current_ticket_id": ticket.id}
        if self.current_ticket_id and not ticket:
            vals["last_ticket_id"] = self.current_ticket_id.id
        guarded(self).write(vals)

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
            self._set_current(ticket)
            return False
        ticket._mark_called(self)
        self._set_current(ticket)
        return ticket.name

    def action_recall(self):
        """Call the current visitor again; past the site's limit it becomes a no-show."""
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "called":
            raise UserError(self.env._("Ticket %(ticket)s is not waiting to be called.", ticket=ticket.name))
        if ticket.call_count >= self.site_id.no_show_calls:
            return self.action_no_show()
        ticket._guarded_write({"call_count": ticket.call_count + 1})
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
        ticket._guarded_write({"state": "no_show", "finished_date": fields.Datetime.now()})
        if ticket.step_id.state == "called":
            ticket.step_id._guarded_write({"state": "waiting"})
        self._set_current(self.env["jmsc.ltsa.ticket"])
        return False

    def action_start(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "called":
            raise UserError(self.env._("Ticket %(ticket)s must be called before it is served.", ticket=ticket.name))
        if ticket.priority_state == "declared":
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s was taken as a priority (%(priority)s) at the kiosk: confirm or clear the "
                    "priority before serving.",
                    ticket=ticket.name,
                    priority=dict(ticket._fields["priority"]._description_selection(self.env))[ticket.priority],
                )
            )
        if ticket.step_id:
            ticket.step_id.action_start()
        ticket._guarded_write({"state": "serving", "started_date": fields.Datetime.now()})
        return True

    def action_confirm_priority(self):
        self.ensure_one()
        self.check_access("write")
        self._ensure_current()._set_priority_state("confirmed")
        return True

    def action_clear_priority(self):
        self.ensure_one()
        self.check_access("write")
        self._ensure_current()._set_priority_state("cleared")
        return True

    def action_finish(self):
        self.ensure_one()
        ticket = self._ensure_current()
        if ticket.state != "serving":
            raise UserError(self.env._("Ticket %(ticket)s is not being served.", ticket=ticket.name))
        if ticket.step_id:
            ticket.step_id.action_finish()
        ticket._guarded_write({"state": "done", "finished_date": fields.Datetime.now()})
        self._set_current(self.env["jmsc.ltsa.ticket"])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Ticket %(ticket)s is done.", ticket=ticket.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _ensure_step(self):
        ticket = self._ensure_current()
        if not ticket.step_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is not linked to a service request: start a request for the visitor first.",
                    ticket=ticket.name,
                )
            )
        return ticket

    def action_needs_documents(self):
        """Ask which document is missing and where to send the visitor (wizard)."""
        self.ensure_one()
        self.check_access("write")
        ticket = self._ensure_step()
        return self._open_wizard(
            "jmsc.ltsa.needs.documents.wizard",
            self.env._("Documents Missing"),
            {
                "default_desk_id": self.id,
                "default_missing_doc_ids": ticket.step_id.missing_doc_ids.ids,
            },
        )

    def _needs_documents(self, missing_docs, category, note):
        """Send the current visitor back for documents; returns the new ticket (or an empty recordset)."""
        self.ensure_one()
        self.check_access("write")
        ticket = self._ensure_step()
        step = ticket.step_id
        step._needs_documents(missing_docs, note)
        ticket._guarded_write({"state": "done", "finished_date": fields.Datetime.now(), "note": note or False})
        self._set_current(self.env["jmsc.ltsa.ticket"])
        new_ticket = self.env["jmsc.ltsa.ticket"]
        if category:
            new_ticket = self.env["jmsc.ltsa.ticket"].create(
                {
                    "site_id": self.site_id.id,
                    "category_id": category.id,
                    "priority": ticket.priority if ticket.is_priority else "none",
                    "partner_id": ticket.partner_id.id or False,
                    "request_id": ticket.request_id.id or False,
                }
            )
        return new_ticket

    def action_identify_visitor(self):
        self.ensure_one()
        self.check_access("write")
        ticket = self._ensure_current()
        return self._open_wizard(
            "jmsc.ltsa.identify.wizard",
            self.env._("Identify the Visitor"),
            {"default_desk_id": self.id, "default_regency_id": ticket.site_id.regency_id.id},
        )

    def action_start_request(self):
        self.ensure_one()
        self.check_access("write")
        ticket = self._ensure_current()
        if not ticket.partner_id:
            raise UserError(
                self.env._(
                    "Identify the visitor of ticket %(ticket)s by NIK before starting a request.", ticket=ticket.name
                )
            )
        if ticket.request_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s already belongs to request %(request)s.",
                    ticket=ticket.name,
                    request=ticket.request_id.name,
                )
            )
        return self._open_wizard(
            "jmsc.ltsa.start.request.wizard", self.env._("Start a Service Request"), {"default_desk_id": self.id}
        )

    def action_print_ticket(self):
        self.ensure_one()
        ticket = self.current_ticket_id or self.last_ticket_id
        if not ticket:
            raise UserError(self.env._("Desk %(desk)s has no ticket to print.", desk=self.name))
        return ticket.action_print_receipt()

    def _open_wizard(self, model, name, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

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

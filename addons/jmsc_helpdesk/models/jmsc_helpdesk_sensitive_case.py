from odoo import fields, models, tools
from odoo.tools import SQL


class JmscHelpdeskSensitiveCase(models.Model):
    """What agents may know of a sensitive case: that it exists, its number, team, stage and officer."""

    _name = "jmsc.helpdesk.sensitive.case"
    _description = "Sensitive Case (existence only)"
    _auto = False
    _order = "reported_on desc"
    _rec_name = "number"

    number = fields.Char(readonly=True)
    reported_on = fields.Datetime(readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned Officer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    closed = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                    SELECT t.id, t.number, t.create_date AS reported_on, t.team_id, t.stage_id, t.user_id,
                           t.company_id, COALESCE(s.closed, FALSE) AS closed
                      FROM helpdesk_ticket t
                      LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                     WHERE t.jmsc_is_sensitive AND t.active
                )""",
                SQL.identifier(self._table),
            )
        )

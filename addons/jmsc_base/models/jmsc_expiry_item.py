"""The "Expiring" list: every record using jmsc.expiry.mixin, in one SQL view.

Visibility follows the source records: a row is found, read or grouped only when its source record is
readable by the user (ACL and record rules of the source model), so a regency officer sees only the
items of their regency's migrants.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools.office_day import office_today
from .jmsc_expiry_mixin import EXPIRY_STATES

# Row ids are source ids times this, plus the model's position: unique across models.
ID_FACTOR = 1000


class JmscExpiryItem(models.Model):
    _name = "jmsc.expiry.item"
    _description = "Expiring Item"
    _auto = False
    _order = "expiry_date, id"

    kind = fields.Selection(selection="_selection_kind", readonly=True)
    res_model = fields.Char(string="Model", readonly=True)
    res_id = fields.Integer(string="Record", readonly=True)
    name = fields.Char(string="Item", compute="_compute_name")
    partner_id = fields.Many2one("res.partner", string="Person or Agency", readonly=True)
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", readonly=True)
    expiry_date = fields.Date(readonly=True)
    expiry_state = fields.Selection(EXPIRY_STATES, string="Expiry", readonly=True)
    expiry_reminder_level = fields.Integer(string="Last Reminder", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    days_left = fields.Integer(compute="_compute_name")

    @api.model
    def _selection_kind(self):
        mixin = self.env["jmsc.expiry.mixin"]
        return [
            (self.env[name]._expiry_kind or name, self.env[name]._expiry_kind_label())
            for name in mixin._jmsc_expiry_models()
        ]

    def init(self):
        self._jmsc_rebuild_view()

    @api.model
    def _jmsc_rebuild_view(self):
        """(Re)create the view over the tables of every model using the mixin (called by their init)."""
        selects = []
        for position, name in enumerate(self.env["jmsc.expiry.mixin"]._jmsc_expiry_models()):
            model = self.env[name]
            table = SQL.identifier(model._table)
            if not self.env.registry.get(name) or not self._jmsc_table_ready(model):
                continue
            partner = (
                SQL("t.%s", SQL.identifier(model._expiry_partner_field)) if model._expiry_partner_field else SQL("NULL")
            )
            selects.append(
                SQL(
                    """SELECT t.id::bigint * %(factor)s + %(position)s AS id, %(kind)s::varchar AS kind,
                              %(model)s::varchar AS res_model, t.id AS res_id, p.id AS partner_id,
                              p.regency_id AS regency_id, t.expiry_date, t.expiry_state::varchar AS expiry_state,
                              t.expiry_reminder_level, t.expiry_user_id AS user_id
                         FROM %(table)s t LEFT JOIN res_partner p ON p.id = %(partner)s
                        WHERE t.expiry_date IS NOT NULL""",
                    factor=ID_FACTOR,
                    position=position,
                    kind=model._expiry_kind or name,
                    model=name,
                    table=table,
                    partner=partner,
                )
            )
        body = (
            SQL(" UNION ALL ").join(selects)
            if selects
            else SQL(
                "SELECT 0::bigint AS id, NULL::varchar AS kind, NULL::varchar AS res_model, 0 AS res_id, "
                "NULL::integer AS partner_id, NULL::integer AS regency_id, NULL::date AS expiry_date, "
                "NULL::varchar AS expiry_state, 0 AS expiry_reminder_level, NULL::integer AS user_id WHERE FALSE"
            )
        )
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), body))

    @api.model
    def _jmsc_table_ready(self, model):
        """Whether the model's table already has the mixin's columns (module install order)."""
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = %s AND column_name IN %s",
                model._table,
                ("expiry_date", "expiry_state", "expiry_reminder_level", "expiry_user_id"),
            )
        )
        return self.env.cr.fetchone()[0] == 4

    def _compute_name(self):
        today = office_today(self)
        labels = {}
        for res_model in set(self.mapped("res_model")):
            items = self.filtered(lambda item, res_model=res_model: item.res_model == res_model)
            sources = self.env[res_model].browse(items.mapped("res_id"))
            for res_id, label in sources._expiry_labels().items():
                labels[(res_model, res_id)] = label
        for item in self:
            item.name = labels.get((item.res_model, item.res_id), "")
            item.days_left = (item.expiry_date - today).days if item.expiry_date else 0

    @api.model
    def _jmsc_visible_domain(self):
        """Rows whose source record the user may read, as one domain (one sub-query per model)."""
        parts = []
        for name in self.env["jmsc.expiry.mixin"]._jmsc_expiry_models():
            model = self.env[name]
            if not model.has_access("read"):
                continue
            parts.append([("res_model", "=", name), ("res_id", "in", model._search(model._expiry_domain("list")))])
        return expression.OR(parts) if parts else expression.FALSE_DOMAIN

    @api.model
    def _search(self, domain, *args, **kwargs):
        self._jmsc_flush_sources()
        return super()._search(expression.AND([domain, self._jmsc_visible_domain()]), *args, **kwargs)

    @api.model
    def _jmsc_flush_sources(self):
        """The view reads the source tables: write their pending values first."""
        for name in self.env["jmsc.expiry.mixin"]._jmsc_expiry_models():
            model = self.env[name]
            fnames = ["expiry_date", "expiry_state", "expiry_reminder_level", "expiry_user_id"]
            if model._expiry_partner_field:
                fnames.append(model._expiry_partner_field)
            model.flush_model(fnames)
        self.env["res.partner"].flush_model(["regency_id"])

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not self:
            return result
        forbidden = self - self.browse(self._search([("id", "in", self.ids)]))
        if forbidden:
            return forbidden, lambda: AccessError(
                self.env._("You may not see these expiring items: their records belong to people you do not serve.")
            )
        return None

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

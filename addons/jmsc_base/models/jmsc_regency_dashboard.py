from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools.office_day import office_today

DASHBOARD_STAGES = ("prospective", "ready", "abroad", "returned")


class JmscRegency(models.Model):
    """Registry dashboard: one card per regency with the counts an officer acts on.

    Every count is read with the user's own rights, so an officer counts only the migrants
    the record rules let them see.
    """

    _inherit = "jmsc.regency"

    jmsc_is_mine = fields.Boolean(
        string="My Regencies",
        compute="_compute_jmsc_is_mine",
        search="_search_jmsc_is_mine",
        help="The regencies the user serves (every regency for provincial officers).",
    )
    jmsc_migrant_count = fields.Integer(
        string="Migrants", compute="_compute_jmsc_dashboard", search="_search_jmsc_migrant_count"
    )
    jmsc_prospective_count = fields.Integer(string="Prospective", compute="_compute_jmsc_dashboard")
    jmsc_ready_count = fields.Integer(string="Ready to Depart", compute="_compute_jmsc_dashboard")
    jmsc_abroad_count = fields.Integer(string="Working Abroad", compute="_compute_jmsc_dashboard")
    jmsc_returned_count = fields.Integer(string="Returned", compute="_compute_jmsc_dashboard")
    jmsc_expiring_document_count = fields.Integer(
        string="Documents Expiring", compute="_compute_jmsc_dashboard", help="Documents expiring within 90 days."
    )
    jmsc_expired_document_count = fields.Integer(string="Documents Expired", compute="_compute_jmsc_dashboard")
    jmsc_departure_month_count = fields.Integer(string="Departures This Month", compute="_compute_jmsc_dashboard")

    def _compute_jmsc_is_mine(self):
        mine = self.search([("jmsc_is_mine", "=", True)])
        for regency in self:
            regency.jmsc_is_mine = regency in mine

    def _search_jmsc_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        if self.env.user.has_group("jmsc_base.group_jmsc_provincial_officer") and not self.env.user.jmsc_regency_ids:
            return [(1, "=", 1)] if positive else [(0, "=", 1)]
        return [("id", "in" if positive else "not in", self.env.user.jmsc_regency_ids.ids)]

    def _search_jmsc_migrant_count(self, operator, value):
        if operator not in (">", "!=") or value not in (0, False):
            return NotImplemented
        groups = self.env["res.partner"]._read_group([("is_migrant", "=", True)], ["regency_id"])
        return [("id", "in", [regency.id for (regency,) in groups if regency])]

    def _jmsc_month_bounds(self):
        first = office_today(self).replace(day=1)
        return first, first + relativedelta(months=1)

    def _compute_jmsc_dashboard(self):
        regency_ids = self._origin.ids
        Partner = self.env["res.partner"]
        by_stage = {
            (regency.id, stage): count
            for regency, stage, count in Partner._read_group(
                [("is_migrant", "=", True), ("regency_id", "in", regency_ids)],
                ["regency_id", "migration_stage"],
                ["__count"],
            )
        }
        by_expiry = {}
        for partner, state, count in self.env["res.partner.id_number"]._read_group(
            [
                ("partner_id.is_migrant", "=", True),
                ("partner_id.regency_id", "in", regency_ids),
                ("expiry_state", "in", ("expiring", "expired")),
                ("status", "!=", "close"),
            ],
            ["partner_id", "expiry_state"],
            ["__count"],
        ):
            key = (partner.regency_id.id, state)
            by_expiry[key] = by_expiry.get(key, 0) + count
        first, next_first = self._jmsc_month_bounds()
        departures = dict(
            self.env["jmsc.placement"]._read_group(
                [
                    ("regency_id", "in", regency_ids),
                    ("departure_date", ">=", first),
                    ("departure_date", "<", next_first),
                ],
                ["regency_id"],
                ["__count"],
            )
        )
        for regency in self:
            rid = regency._origin.id
            counts = {stage: by_stage.get((rid, stage), 0) for stage in DASHBOARD_STAGES}
            regency.jmsc_prospective_count = counts["prospective"]
            regency.jmsc_ready_count = counts["ready"]
            regency.jmsc_abroad_count = counts["abroad"]
            regency.jmsc_returned_count = counts["returned"]
            regency.jmsc_migrant_count = sum(count for (r, _s), count in by_stage.items() if r == rid)
            regency.jmsc_expiring_document_count = by_expiry.get((rid, "expiring"), 0)
            regency.jmsc_expired_document_count = by_expiry.get((rid, "expired"), 0)
            regency.jmsc_departure_month_count = departures.get(regency._origin, 0)

    def _jmsc_migrant_action(self, name, domain):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.res_partner_action_migrant")
        action.update(
            name=f"{self.name}: {name}",
            domain=[("is_migrant", "=", True), ("regency_id", "=", self.id), *domain],
            context={"default_is_migrant": True, "default_is_company": False, "default_regency_id": self.id},
        )
        return action

    def action_jmsc_open_migrants(self):
        return self._jmsc_migrant_action(self.env._("Migrants"), [])

    def action_jmsc_open_prospective(self):
        return self._jmsc_migrant_action(self.env._("Prospective"), [("migration_stage", "=", "prospective")])

    def action_jmsc_open_ready(self):
        return self._jmsc_migrant_action(self.env._("Ready to Depart"), [("migration_stage", "=", "ready")])

    def action_jmsc_open_abroad(self):
        return self._jmsc_migrant_action(self.env._("Working Abroad"), [("migration_stage", "=", "abroad")])

    def action_jmsc_open_returned(self):
        return self._jmsc_migrant_action(self.env._("Returned"), [("migration_stage", "=", "returned")])

    def _jmsc_document_action(self, name, state):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.res_partner_id_number_action_jmsc")
        action.update(
            name=f"{self.name}: {name}",
            domain=[
                ("partner_id.is_migrant", "=", True),
                ("partner_id.regency_id", "=", self.id),
                ("expiry_state", "=", state),
                ("status", "!=", "close"),
            ],
            context={},
        )
        return action

    def action_jmsc_open_expiring_documents(self):
        return self._jmsc_document_action(self.env._("Documents Expiring"), "expiring")

    def action_jmsc_open_expired_documents(self):
        return self._jmsc_document_action(self.env._("Documents Expired"), "expired")

    def action_jmsc_open_departures(self):
        self.ensure_one()
        first, next_first = self._jmsc_month_bounds()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.jmsc_placement_action")
        action.update(
            name=f"{self.name}: {self.env._('Departures This Month')}",
            domain=[
                ("regency_id", "=", self.id),
                ("departure_date", ">=", first),
                ("departure_date", "<", next_first),
            ],
            context={},
        )
        return action

    @api.model
    def jmsc_dashboard_totals(self):
        """Totals over the regencies of the user (used by tests and the dashboard header)."""
        regencies = self.search([("jmsc_is_mine", "=", True)])
        return {
            fname: sum(regencies.mapped(fname))
            for fname in (
                "jmsc_migrant_count",
                "jmsc_prospective_count",
                "jmsc_ready_count",
                "jmsc_abroad_count",
                "jmsc_returned_count",
                "jmsc_expiring_document_count",
                "jmsc_expired_document_count",
                "jmsc_departure_month_count",
            )
        }

    def action_jmsc_open_kantong_pmi(self):
        """The kantong PMI graph (villages ranked by migrants) of this regency."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_base.res_partner_action_kantong_pmi")
        action.update(
            name=f"{self.name}: Kantong PMI",
            domain=[("is_migrant", "=", True), ("village_id", "!=", False), ("regency_id", "=", self.id)],
        )
        return action

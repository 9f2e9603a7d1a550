from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    jmsc_agency_id = fields.Many2one(
        "res.partner", string="JMSC Agency", domain=[("agency_type_id", "!=", False)], index=True
    )
    jmsc_regency_ids = fields.Many2many(
        "jmsc.regency", "jmsc_regency_res_users_rel", "user_id", "regency_id", string="Regencies Served"
    )
    jmsc_home_action_manual = fields.Boolean(
        string="Home Action Set by Hand",
        copy=False,
        help="Set when an administrator chose the Home Action of this user: the JMSC roles then no longer "
        "change it. Clear the Home Action to let the roles choose again.",
    )
    jmsc_role_ids = fields.Many2many(
        "res.groups",
        string="JMSC Roles",
        compute="_compute_jmsc_role_ids",
        help="The JMSC roles of this user (roles implied by another one are not repeated).",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["jmsc_agency_id", "jmsc_regency_ids", "jmsc_role_ids"]

    @api.depends("groups_id")
    def _compute_jmsc_role_ids(self):
        categories = self._jmsc_role_categories()
        for user in self:
            roles = user.groups_id.filtered(lambda g: g.category_id in categories)
            user.jmsc_role_ids = roles - roles.trans_implied_ids

    @api.model
    def _jmsc_role_categories(self):
        """The categories of JMSC roles: those declared by a jmsc_* module."""
        data = self.env["ir.model.data"].search([("model", "=", "ir.module.category"), ("module", "=like", "jmsc\\_%")])
        return self.env["ir.module.category"].browse(data.mapped("res_id"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("action_id"):
                vals["jmsc_home_action_manual"] = True
        users = super().create(vals_list)
        users._jmsc_sync_home_action()
        return users

    def write(self, vals):
        if "action_id" in vals and not self.env.context.get("jmsc_home_sync"):
            # An administrator chose a Home Action: keep it; clearing it hands the choice back to the roles.
            vals = dict(vals, jmsc_home_action_manual=bool(vals["action_id"]))
        result = super().write(vals)
        if not self.env.context.get("jmsc_home_sync") and (
            "groups_id" in vals
            or "action_id" in vals
            or any(key.startswith(("in_group_", "sel_groups_")) for key in vals)
        ):
            self._jmsc_sync_home_action()
        return result

    def _jmsc_home_action(self):
        """The landing page of the user's role with the lowest landing priority (ties: the oldest role)."""
        self.ensure_one()
        groups = self.groups_id.filtered("jmsc_home_action_id")
        return groups.sorted(lambda g: (g.jmsc_home_priority, g.id))[:1].jmsc_home_action_id

    def _jmsc_sync_home_action(self):
        """Point ``action_id`` at the landing page of the user's roles, unless set by hand.

        Called after the groups of users change; the caller has already been allowed to change
        those groups, so the Home Action is written with the caller's rights.
        """
        by_action = {}
        for user in self.filtered(lambda u: not u.jmsc_home_action_manual and not u.share):
            action = user._jmsc_home_action()
            if user.action_id != action:
                by_action.setdefault(action, self.browse())
                by_action[action] |= user
        for action, users in by_action.items():
            users.with_context(jmsc_home_sync=True).write({"action_id": action.id})

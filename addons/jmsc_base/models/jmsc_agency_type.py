from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError

FORBIDDEN_GROUPS = ("base.group_system", "base.group_erp_manager")


class JmscAgencyType(models.Model):
    """A kind of agency (BP3MI, LSP, cooperative, ...) and the JMSC groups its users receive."""

    _name = "jmsc.agency.type"
    _description = "Agency Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    group_ids = fields.Many2many(
        "res.groups",
        string="Groups Granted",
        help="The groups every user of an agency of this type receives when the configuration is applied.",
    )
    applied_group_ids = fields.Many2many(
        "res.groups",
        "jmsc_agency_type_applied_group_rel",
        "agency_type_id",
        "group_id",
        string="Groups Last Applied",
        readonly=True,
        help="The groups granted the last time the configuration was applied; "
        "those no longer granted are removed from the users on the next application.",
    )
    agency_ids = fields.One2many("res.partner", "agency_type_id", string="Agencies")
    agency_count = fields.Integer(compute="_compute_counts")
    user_count = fields.Integer(compute="_compute_counts")
    needs_apply = fields.Boolean(compute="_compute_counts", string="Changes Not Applied")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an agency type must be unique."),
    ]

    @api.depends("group_ids", "applied_group_ids")
    def _compute_counts(self):
        agencies = dict(
            self.env["res.partner"]._read_group([("agency_type_id", "in", self.ids)], ["agency_type_id"], ["__count"])
        )
        users = {}
        for agency, count in self.env["res.users"]._read_group(
            [("jmsc_agency_id.agency_type_id", "in", self.ids)], ["jmsc_agency_id"], ["__count"]
        ):
            users[agency.agency_type_id] = users.get(agency.agency_type_id, 0) + count
        for agency_type in self:
            agency_type.agency_count = agencies.get(agency_type._origin, 0)
            agency_type.user_count = users.get(agency_type._origin, 0)
            agency_type.needs_apply = agency_type.group_ids != agency_type.applied_group_ids

    @api.constrains("group_ids")
    def _check_group_ids(self):
        forbidden = self.env["res.groups"].browse([self.env.ref(x).id for x in FORBIDDEN_GROUPS])
        for agency_type in self:
            granted = agency_type.group_ids | agency_type.group_ids.trans_implied_ids
            if granted & forbidden:
                raise ValidationError(
                    self.env._(
                        "The agency type %(type)s cannot grant %(groups)s: technical administration is "
                        "given to individual users only.",
                        type=agency_type.display_name,
                        groups=", ".join((granted & forbidden).mapped("full_name")),
                    )
                )

    def _jmsc_apply_plan(self):
        """What applying these types would change: [(user, gained groups, lost groups)].

        Gained: the granted roles the user does not hold yet. Lost: the roles (and the roles they
        imply) a type granted before but no longer grants, and that nothing granted still implies.
        """
        user_type_groups = self.env["res.groups"].search(
            [("category_id", "=", self.env.ref("base.module_category_user_type").id)]
        )
        plan = []
        for agency_type in self:
            users = (
                self.env["res.users"]
                .with_context(active_test=False)
                .search([("jmsc_agency_id.agency_type_id", "=", agency_type.id)])
            )
            granted = agency_type.group_ids
            kept = granted | granted.trans_implied_ids | user_type_groups
            revoked = agency_type.applied_group_ids - granted
            revoked = (revoked | revoked.trans_implied_ids) - kept
            for user in users:
                gained = granted - user.groups_id
                lost = revoked & user.groups_id
                if gained or lost:
                    plan.append((agency_type, user, gained, lost))
        return plan

    def action_preview_apply_to_users(self):
        """Open the preview of who gains or loses which role; the wizard applies on confirmation."""
        if not self.env.user.has_group("jmsc_base.group_jmsc_admin"):
            raise AccessError(self.env._("Only JMSC Administrators can apply agency roles to users."))
        lines = []
        for agency_type, user, gained, lost in self._jmsc_apply_plan():
            lines += [
                Command.create(
                    {"agency_type_id": agency_type.id, "user_id": user.id, "group_id": g.id, "change": "gain"}
                )
                for g in gained
            ]
            lines += [
                Command.create(
                    {"agency_type_id": agency_type.id, "user_id": user.id, "group_id": g.id, "change": "lose"}
                )
                for g in lost
            ]
        wizard = self.env["jmsc.agency.type.apply.wizard"].create(
            {"agency_type_ids": [Command.set(self.ids)], "line_ids": lines}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Apply to Users"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_apply_to_users(self):
        """Give the users of each agency of these types the configured groups, and take back
        the groups a type granted before but no longer grants."""
        if not self.env.user.has_group("jmsc_base.group_jmsc_admin"):
            raise AccessError(self.env._("Only JMSC Administrators can apply agency roles to users."))
        user_type_groups = self.env["res.groups"].search(
            [("category_id", "=", self.env.ref("base.module_category_user_type").id)]
        )
        updated = self.env["res.users"]
        for agency_type in self.sudo():
            users = (
                self.env["res.users"]
                .sudo()
                .with_context(active_test=False)
                .search([("jmsc_agency_id.agency_type_id", "=", agency_type.id)])
            )
            granted = agency_type.group_ids
            kept = granted | granted.trans_implied_ids | user_type_groups
            revoked = agency_type.applied_group_ids - granted
            revoked = (revoked | revoked.trans_implied_ids) - kept
            commands = [(3, group.id) for group in revoked] + [(4, group.id) for group in granted]
            if users and commands:
                users.write({"groups_id": commands})
                updated |= users
            agency_type.applied_group_ids = granted
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Agency roles applied to %s users.", len(updated)),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_view_users(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Users of %s agencies", self.display_name),
            "res_model": "res.users",
            "view_mode": "list,form",
            "domain": [("jmsc_agency_id.agency_type_id", "=", self.id)],
        }

    def action_view_agencies(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Agencies: %s", self.display_name),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("agency_type_id", "=", self.id)],
            "context": {"default_agency_type_id": self.id, "default_is_company": True},
        }

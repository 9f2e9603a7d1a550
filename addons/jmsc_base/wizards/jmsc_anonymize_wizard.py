from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class JmscAnonymizeWizard(models.TransientModel):
    """Erase the personal data of migrants (UU PDP), keeping anonymous statistics."""

    _name = "jmsc.anonymize.wizard"
    _description = "Anonymise Migrants"

    partner_ids = fields.Many2many("res.partner", string="Migrants", required=True)
    confirm = fields.Boolean(string="I understand this cannot be undone")
    plan_html = fields.Html(string="What Happens", compute="_compute_plan_html", sanitize=False)

    @api.depends("partner_ids")
    def _compute_plan_html(self):
        for wizard in self:
            # sudo: the plan counts records in every module (cases hidden from the manager included); only
            # JMSC Managers see this wizard (its action's group) and the counts show no content.
            if wizard.partner_ids and self.env.user.has_group("jmsc_base.group_jmsc_manager"):
                wizard.plan_html = wizard.partner_ids.sudo()._jmsc_privacy_plan_html()
            else:
                wizard.plan_html = False

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "partner_ids" in fields_list:
            values["partner_ids"] = [(6, 0, self.env.context.get("active_ids", []))]
        return values

    def action_anonymize(self):
        self.ensure_one()
        if not self.env.user.has_group("jmsc_base.group_jmsc_manager"):
            raise AccessError(self.env._("Only JMSC Managers can anonymise migrants."))
        if not self.confirm:
            raise UserError(self.env._("Tick the confirmation box to anonymise the selected migrants."))
        partners = self.partner_ids
        partners.check_access("write")
        not_migrants = partners.filtered(lambda p: not p.is_migrant)
        if not_migrants:
            raise UserError(
                self.env._(
                    "Only migrants can be anonymised; %s is not one.", ", ".join(not_migrants.mapped("display_name"))
                )
            )
        partners.sudo()._jmsc_anonymize()
        for partner in partners.sudo():
            partner.message_post(
                body=self.env._(
                    "Personal data anonymised by %(user)s on %(date)s.",
                    user=self.env.user.name,
                    date=fields.Datetime.to_string(partner.anonymized_date),
                ),
                author_id=self.env.user.partner_id.id,
            )
        return {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class JmscPlacement(models.Model):
    """One work placement abroad of a migrant."""

    _name = "jmsc.placement"
    _description = "Placement Abroad"
    _inherit = ["mail.thread", "jmsc.expiry.mixin"]
    _order = "departure_date desc, contract_start desc, id desc"

    _expiry_kind = "placement"
    _expiry_date_field = "contract_end"

    partner_id = fields.Many2one(
        "res.partner",
        string="Migrant",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_migrant", "=", True)],
    )
    regency_id = fields.Many2one(related="partner_id.regency_id", store=True, index=True)
    migration_stage = fields.Selection(related="partner_id.migration_stage", store=True, string="Migrant Stage")
    country_id = fields.Many2one("res.country", string="Destination Country", required=True, index=True, tracking=True)
    employer = fields.Char(tracking=True)
    p3mi_id = fields.Many2one(
        "res.partner",
        string="Placement Agency (P3MI)",
        domain=[("agency_type_id.code", "=", "p3mi")],
        index="btree_not_null",
        tracking=True,
    )
    sector = fields.Selection(
        [
            ("domestic", "Domestic Worker"),
            ("caregiver", "Caregiver"),
            ("manufacturing", "Manufacturing"),
            ("plantation", "Plantation"),
            ("construction", "Construction"),
            ("fishing", "Fishing Crew"),
            ("hospitality", "Hospitality"),
            ("agriculture", "Agriculture"),
            ("other", "Other"),
        ],
        required=True,
        index=True,
    )
    occupation = fields.Char()
    agreement_number = fields.Char(string="Placement Agreement Number", tracking=True)
    contract_start = fields.Date()
    contract_end = fields.Date()
    expiry_date = fields.Date(related="contract_end", store=True, readonly=True, string="Contract Expiry Date")
    salary = fields.Monetary(currency_field="currency_id", groups="jmsc_base.group_jmsc_manager", tracking=True)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.company.currency_id)
    departure_date = fields.Date(tracking=True)
    return_date = fields.Date(tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("active", "Working"), ("completed", "Completed"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        index=True,
        tracking=True,
    )

    @api.model
    def _expiry_kind_label(self):
        return self.env._("Placement Contract")

    def _expiry_domain(self, purpose="list"):
        return [("state", "in", ("planned", "active"))]

    @api.depends("partner_id", "country_id", "employer")
    def _compute_display_name(self):
        for placement in self:
            parts = [placement.partner_id.name, placement.country_id.name, placement.employer]
            placement.display_name = " / ".join(p for p in parts if p)

    @api.constrains("contract_start", "contract_end", "departure_date", "return_date")
    def _check_dates(self):
        for placement in self:
            if (
                placement.contract_start
                and placement.contract_end
                and placement.contract_end < placement.contract_start
            ):
                raise ValidationError(self.env._("The contract of %s ends before it starts.", placement.display_name))
            if placement.departure_date and placement.return_date and placement.return_date < placement.departure_date:
                raise ValidationError(self.env._("%s returns before departing.", placement.display_name))

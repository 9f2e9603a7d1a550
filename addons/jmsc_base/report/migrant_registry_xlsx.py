from odoo import models


class MigrantRegistryXlsx(models.AbstractModel):
    """The selected migrants, one row each."""

    _name = "report.jmsc_base.migrant_registry_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Migrant Registry Export"
    _jmsc_xlsx_freeze_columns = 2
    _jmsc_xlsx_autofilter = True

    def _jmsc_xlsx_sheet(self, partners):
        genders = dict(self.env["res.partner"]._fields["gender"]._description_selection(self.env))
        stages = dict(self.env["res.partner"]._fields["migration_stage"]._description_selection(self.env))
        sectors = dict(self.env["jmsc.placement"]._fields["sector"]._description_selection(self.env))
        columns = [
            (self.env._("Reference"), 12, lambda partner: partner.jmsc_reference, None),
            (self.env._("Name"), 28, lambda partner: partner.name, None),
            (self.env._("NIK"), 20, lambda partner: partner.nik, "string"),
            (self.env._("Gender"), 9, lambda partner: genders.get(partner.gender, ""), None),
            (self.env._("Birth Date"), 12, lambda partner: partner.birthdate_date or None, "date"),
            (self.env._("Regency/City"), 24, lambda partner: partner.regency_id.name or "", None),
            (self.env._("District"), 18, lambda partner: partner.district or "", None),
            (self.env._("Village"), 18, lambda partner: partner.village or "", None),
            (self.env._("Mobile"), 16, lambda partner: partner.mobile, "string"),
            (self.env._("Stage"), 20, lambda partner: stages.get(partner.migration_stage, ""), None),
            (self.env._("Current Country"), 16, lambda partner: partner.current_country_id.name or "", None),
            (self.env._("Employer"), 24, lambda partner: partner.current_placement_id.employer or "", None),
            (self.env._("Sector"), 18, lambda partner: sectors.get(partner.current_placement_id.sector, ""), None),
            (self.env._("Active Consent"), 10, lambda partner: partner.has_active_consent, None),
        ]
        return self.env._("Migrants"), columns, partners.filtered("is_migrant")

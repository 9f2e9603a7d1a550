from odoo import models


class MigrantRegistryXlsx(models.AbstractModel):
    """The selected migrants, one row each."""

    _name = "report.jmsc_base.migrant_registry_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Migrant Registry Export"

    def generate_xlsx_report(self, workbook, data, partners):
        sheet = workbook.add_worksheet(self.env._("Migrants"))
        columns = self._columns()
        formats = self._jmsc_xlsx_formats(workbook)
        header, date, text = formats["header"], formats["date"], formats["string"]
        for col, (title, width) in enumerate(columns):
            sheet.write(0, col, title, header)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 2)
        genders = dict(partners._fields["gender"]._description_selection(self.env))
        stages = dict(partners._fields["migration_stage"]._description_selection(self.env))
        sectors = dict(self.env["jmsc.placement"]._fields["sector"]._description_selection(self.env))
        for row, partner in enumerate(partners.filtered("is_migrant"), start=1):
            placement = partner.current_placement_id
            sheet.write(row, 0, partner.jmsc_reference)
            sheet.write(row, 1, partner.name)
            sheet.write_string(row, 2, partner.nik or "", text)
            sheet.write(row, 3, genders.get(partner.gender, ""))
            if partner.birthdate_date:
                sheet.write_datetime(row, 4, partner.birthdate_date, date)
            sheet.write(row, 5, partner.regency_id.name or "")
            sheet.write(row, 6, partner.district or "")
            sheet.write(row, 7, partner.village or "")
            sheet.write_string(row, 8, partner.mobile or "", text)
            sheet.write(row, 9, stages.get(partner.migration_stage, ""))
            sheet.write(row, 10, partner.current_country_id.name or "")
            sheet.write(row, 11, placement.employer or "")
            sheet.write(row, 12, sectors.get(placement.sector, ""))
            sheet.write_boolean(row, 13, partner.has_active_consent)
        sheet.autofilter(0, 0, max(len(partners), 1), len(columns) - 1)

    def _columns(self):
        return [
            (self.env._("Reference"), 12),
            (self.env._("Name"), 28),
            (self.env._("NIK"), 20),
            (self.env._("Gender"), 9),
            (self.env._("Birth Date"), 12),
            (self.env._("Regency/City"), 24),
            (self.env._("District"), 18),
            (self.env._("Village"), 18),
            (self.env._("Mobile"), 16),
            (self.env._("Stage"), 20),
            (self.env._("Current Country"), 16),
            (self.env._("Employer"), 24),
            (self.env._("Sector"), 18),
            (self.env._("Active Consent"), 10),
        ]

from odoo import models


class MigrantStatisticsXlsx(models.AbstractModel):
    """Counts of the selected migrants by regency, destination country, sector and stage."""

    _name = "report.jmsc_base.migrant_statistics_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Migrant Statistics Workbook"

    def generate_xlsx_report(self, workbook, data, partners):
        migrants = partners.filtered("is_migrant")
        formats = self._jmsc_xlsx_formats(workbook)
        domain = [("id", "in", migrants.ids)]
        Partner = self.env["res.partner"]
        stages = Partner._fields["migration_stage"]._description_selection(self.env)
        stage_labels = dict(stages)
        # Regency x stage: one row per regency, one column per stage.
        by_regency = {}
        for regency, stage, count in Partner._read_group(domain, ["regency_id", "migration_stage"], ["__count"]):
            by_regency.setdefault(regency.name or self.env._("Unknown"), {})[stage] = count
        self._write_crosstab(
            workbook, formats, self.env._("By Regency"), self.env._("Regency/City"), stages, by_regency
        )
        placement_domain = [("partner_id", "in", migrants.ids)]
        Placement = self.env["jmsc.placement"]
        by_country = {}
        for country, stage, count in Placement._read_group(
            placement_domain, ["country_id", "migration_stage"], ["__count"]
        ):
            by_country.setdefault(country.name, {})[stage] = count
        self._write_crosstab(
            workbook, formats, self.env._("By Destination"), self.env._("Destination Country"), stages, by_country
        )
        sectors = Placement._fields["sector"]._description_selection(self.env)
        sector_labels = dict(sectors)
        by_sector = {}
        for sector, country, count in Placement._read_group(placement_domain, ["sector", "country_id"], ["__count"]):
            by_sector.setdefault(sector_labels.get(sector, sector), {})[country.name] = count
        countries = sorted({c for row in by_sector.values() for c in row})
        self._write_crosstab(
            workbook, formats, self.env._("By Sector"), self.env._("Sector"), [(c, c) for c in countries], by_sector
        )
        totals = {
            stage_labels[stage]: {"count": count}
            for stage, count in Partner._read_group(domain, ["migration_stage"], ["__count"])
        }
        self._write_crosstab(
            workbook, formats, self.env._("By Stage"), self.env._("Stage"), [("count", self.env._("Migrants"))], totals
        )

    def _write_crosstab(self, workbook, formats, title, row_title, columns, rows):
        """A sheet with a header row, one row per key of ``rows`` and a total row and column."""
        sheet = workbook.add_worksheet(title)
        sheet.write(0, 0, title, formats["title"])
        sheet.write(2, 0, row_title, formats["header"])
        for col, (_key, label) in enumerate(columns, start=1):
            sheet.write(2, col, label, formats["header"])
        total_col = len(columns) + 1
        sheet.write(2, total_col, self.env._("Total"), formats["header"])
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, total_col, 14)
        sheet.freeze_panes(3, 1)
        row = 3
        for name in sorted(rows):
            sheet.write(row, 0, name)
            values = [rows[name].get(key, 0) for key, _label in columns]
            for col, value in enumerate(values, start=1):
                sheet.write_number(row, col, value, formats["integer"])
            sheet.write_number(row, total_col, sum(values), formats["total"])
            row += 1
        sheet.write(row, 0, self.env._("Total"), formats["total"])
        for col, (key, _label) in enumerate(columns, start=1):
            sheet.write_number(row, col, sum(r.get(key, 0) for r in rows.values()), formats["total"])
        sheet.write_number(row, total_col, sum(sum(r.values()) for r in rows.values()), formats["total"])

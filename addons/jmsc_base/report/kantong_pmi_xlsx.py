from odoo import models

from ..tools.office_day import office_today


class KantongPmiXlsx(models.AbstractModel):
    """Kantong PMI: villages and districts ranked by migrants registered, abroad and returned,
    with one column per destination country (the country of the migrant's latest placement)."""

    _name = "report.jmsc_base.kantong_pmi_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Kantong PMI Workbook"

    def generate_xlsx_report(self, workbook, data, partners):
        villages, districts, countries = self._kantong_figures(partners)
        formats = self._jmsc_xlsx_formats(workbook)
        self._write_ranking(workbook, formats, self.env._("Villages"), villages, countries, with_village=True)
        self._write_ranking(workbook, formats, self.env._("Districts"), districts, countries, with_village=False)

    def _get_objs_for_report(self, docids, data):
        if (data or {}).get("scope") == "visible" or not (docids or self.env.context.get("active_model")):
            return self.env["res.partner"]
        return super()._get_objs_for_report(docids, data)

    def _kantong_scope(self, partners):
        """The migrants counted: the selection, or every migrant the user may see."""
        partners = partners.filtered("is_migrant") if partners else partners
        if not partners:
            partners = self.env["res.partner"].search([("is_migrant", "=", True)])
        return partners

    def _kantong_figures(self, partners):
        """({village: counts}, {district: counts}, countries) where counts is a dict with the keys
        registered, abroad, returned and one key per destination country record."""
        migrants = self._kantong_scope(partners)
        groups = self.env["res.partner"]._read_group(
            [("id", "in", migrants.ids)],
            ["district_id", "village_id", "migration_stage", "destination_country_id"],
            ["__count"],
        )
        villages, districts = {}, {}
        countries = self.env["res.country"]
        for district, village, stage, country, count in groups:
            targets = [districts.setdefault(district, {})]
            if village:
                targets.append(villages.setdefault(village, {}))
            for counts in targets:
                counts["registered"] = counts.get("registered", 0) + count
                if stage in ("abroad", "returned"):
                    counts[stage] = counts.get(stage, 0) + count
                if country:
                    counts[country] = counts.get(country, 0) + count
            countries |= country
        return villages, districts, countries.sorted("name")

    @staticmethod
    def _rank_key(item):
        area, counts = item
        return (-counts.get("registered", 0), -counts.get("abroad", 0), -counts.get("returned", 0), area.code or "")

    def _write_ranking(self, workbook, formats, title, figures, countries, with_village):
        sheet = workbook.add_worksheet(title)
        sheet.write(0, 0, self.env._("Kantong PMI: %s ranked by migrants registered", title), formats["title"])
        sheet.write(
            1,
            0,
            self.env._(
                "Printed on %(date)s. A destination column counts the migrants whose last placement is there.",
                date=office_today(self).strftime("%d/%m/%Y"),
            ),
            formats["note"],
        )
        headers = [self.env._("Rank"), self.env._("Regency/City"), self.env._("District")]
        if with_village:
            headers.append(self.env._("Village"))
        headers += [self.env._("Code"), self.env._("Registered"), self.env._("Abroad"), self.env._("Returned")]
        first_count = len(headers) - 3
        headers += [country.name for country in countries]
        for col, label in enumerate(headers):
            sheet.write(3, col, label, formats["header"])
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, first_count - 1, 22)
        sheet.set_column(first_count, len(headers) - 1, 12)
        sheet.freeze_panes(4, first_count)
        row = 4
        keys = ["registered", "abroad", "returned", *countries]
        for rank, (area, counts) in enumerate(sorted(figures.items(), key=self._rank_key), start=1):
            district = area.district_id if with_village else area
            regency = district.regency_id
            labels = [regency.name or "", district.name or self.env._("Not recorded")]
            if with_village:
                labels.append(area.name)
            labels.append(area.code or "")
            sheet.write_number(row, 0, rank)
            for col, label in enumerate(labels, start=1):
                sheet.write_string(row, col, label)
            for col, key in enumerate(keys, start=first_count):
                sheet.write_number(row, col, counts.get(key, 0), formats["integer"])
            row += 1
        sheet.write(row, first_count - 1, self.env._("Total"), formats["total"])
        for col, key in enumerate(keys, start=first_count):
            sheet.write_number(row, col, sum(c.get(key, 0) for c in figures.values()), formats["total"])

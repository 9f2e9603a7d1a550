from odoo import api, fields, models, tools

from ..tools import area_data
from ..tools.related import compute_related_count

NIK_AREA_PROVINCE = "32"


class JmscDistrict(models.Model):
    """A district (kecamatan) of Jawa Barat, keyed by its Kemendagri code (the NIK's digits 1-6).

    Data: idn-area-data (Open Database License 1.0), see data/jmsc_area_SOURCE.md.
    """

    _name = "jmsc.district"
    _description = "District (Kecamatan)"
    _order = "code"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True)
    code = fields.Char(required=True, index=True, help="Kemendagri code, e.g. 32.12.01; digits 1-6 of a NIK.")
    regency_id = fields.Many2one("jmsc.regency", string="Regency/City", required=True, index=True, ondelete="restrict")
    village_ids = fields.One2many("jmsc.village", "district_id", string="Villages")
    village_count = fields.Integer(compute="_compute_village_count")
    active = fields.Boolean(default=True, help="Archived when the code is retired (split or merged districts).")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The Kemendagri code of a district must be unique."),
    ]

    def _compute_village_count(self):
        compute_related_count(self, "village_count", "jmsc.village", "district_id")

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        if "code" in vals or "regency_id" in vals:
            self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    @tools.ormcache()
    def _jmsc_district_regency_codes(self):
        """{district code without dots: regency code without dots}, archived districts included."""
        rows = self.env.execute_query(
            tools.SQL("SELECT d.code, r.code FROM jmsc_district d JOIN jmsc_regency r ON r.id = d.regency_id")
        )
        return {code.replace(".", ""): regency.replace(".", "") for code, regency in rows}

    @api.model
    def _jmsc_nik_district_error(self, nik, district_codes=None):
        """The reason a NIK's region digits name no district of Jawa Barat, or False.

        Only NIKs of province 32 are checked (other provinces' districts are not shipped). Archived
        (retired) districts are accepted: a NIK keeps the code it was issued with. ``district_codes``:
        :meth:`_jmsc_district_regency_codes`, when the caller checks many NIKs.
        """
        if not nik or len(nik) != 16 or not nik.isdigit() or nik[:2] != NIK_AREA_PROVINCE:
            return False
        if district_codes is None:
            district_codes = self._jmsc_district_regency_codes()
        if nik[:6] in district_codes:
            return False
        code = ".".join((nik[:2], nik[2:4], nik[4:6]))
        return self.env._("the region digits %s name no district of Jawa Barat", code)

    @api.model
    def _jmsc_nik_regency_code(self, nik):
        """The regency code (e.g. '32.12') of the district a NIK was issued in, or False."""
        if not nik or len(nik) != 16 or not nik.isdigit():
            return False
        regency = self._jmsc_district_regency_codes().get(nik[:6])
        return regency and f"{regency[:2]}.{regency[2:]}"

    @api.model
    def _jmsc_load_areas(self, district_text=None, village_text=None):
        """Create or update the shipped districts and villages from the generated CSV files.

        New codes are created (with their XML ids ``jmsc_base.district_<code>`` and
        ``jmsc_base.village_<code>``), changed names, parents or archive flags are written, nothing is
        deleted. Returns the numbers of (districts, villages) created.
        """
        if district_text is None:
            with tools.file_open("jmsc_base/data/jmsc_district_data.csv") as handle:
                district_text = handle.read()
        if village_text is None:
            with tools.file_open("jmsc_base/data/jmsc_village_data.csv") as handle:
                village_text = handle.read()
        regencies = {
            area_data.regency_xmlid(regency.code): regency.id
            for regency in self.env["jmsc.regency"].with_context(active_test=False).search([])
        }
        created_districts = self._jmsc_upsert_areas(
            self.env["jmsc.district"], area_data.read_csv(district_text), "regency_id", regencies
        )
        districts = {
            area_data.district_xmlid(code): district_id
            for district_id, code in self.env.execute_query(tools.SQL("SELECT id, code FROM jmsc_district"))
        }
        created_villages = self._jmsc_upsert_areas(
            self.env["jmsc.village"], area_data.read_csv(village_text), "district_id", districts
        )
        self.env.registry.clear_cache()
        return created_districts, created_villages

    @api.model
    def _jmsc_upsert_areas(self, model, rows, parent_field, parent_ids):
        table = model._table
        existing = {
            code: (record_id, name, parent_id, active)
            for record_id, code, name, parent_id, active in self.env.execute_query(
                tools.SQL(
                    "SELECT id, code, name, %s, active FROM %s",
                    tools.SQL.identifier(parent_field),
                    tools.SQL.identifier(table),
                )
            )
        }
        to_create, xmlids = [], []
        model = model.with_context(active_test=False, tracking_disable=True)
        for row in rows:
            parent_id = parent_ids[row[parent_field + ":id"]]
            vals = {"code": row["code"], "name": row["name"], parent_field: parent_id, "active": row["active"] == "1"}
            current = existing.get(row["code"])
            if current is None:
                to_create.append(vals)
                xmlids.append(row["id"])
            elif current[1:] != (vals["name"], parent_id, vals["active"]):
                model.browse(current[0]).write(vals)
        records = model.create(to_create)
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": f"jmsc_base.{xmlid}", "record": record, "noupdate": True}
                for xmlid, record in zip(xmlids, records, strict=True)
            ]
        )
        return len(records)

from odoo import models
from odoo.tools.misc import file_open
from odoo.tools.translate import TranslationFileReader, TranslationImporter, get_po_paths


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _update_translations(self, filter_lang=None, overwrite=False):
        result = super()._update_translations(filter_lang=filter_lang, overwrite=overwrite)
        if "jmsc_base" in self.mapped("name"):
            self._jmsc_force_upstream_translations(filter_lang)
        return result

    def _jmsc_force_upstream_translations(self, filter_lang=None):
        """Make jmsc_base's id.po win over upstream translations of upstream records.

        jmsc_base/i18n/id.po corrects terms of other modules' records (country names such as
        Suriname, which base's id.po translates as "Nama belakang"; partner_identification fields).
        Odoo keeps an existing translation when a later module's file translates the same record,
        so these corrections are loaded again with force_overwrite, and only for records of other
        modules: jmsc_base's own terms keep the normal rules (a translation edited in the database
        survives an update).
        """
        if not filter_lang:
            langs = [code for code, _name in self.env["res.lang"].get_installed()]
        else:
            langs = [filter_lang] if isinstance(filter_lang, str) else list(filter_lang)
        for lang in langs:
            if lang == "en_US":
                continue
            for po_path in get_po_paths("jmsc_base", lang):
                with file_open(po_path, mode="rb") as fileobj:
                    xmlids = {
                        f"{row['module']}.{row['imd_name']}"
                        for row in TranslationFileReader(fileobj, fileformat="po")
                        if row.get("type") in ("model", "model_terms") and row["module"] != "jmsc_base"
                    }
                if not xmlids:
                    continue
                importer = TranslationImporter(self.env.cr, verbose=False)
                importer.load_file(po_path, lang, xmlids=xmlids)
                importer.save(force_overwrite=True)

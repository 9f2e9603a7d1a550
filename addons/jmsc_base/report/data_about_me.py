from odoo import api, models


class ReportJmscDataAboutMe(models.AbstractModel):
    _name = "report.jmsc_base.report_jmsc_data_about_me"
    _description = "Data About Me (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        for partner in partners:
            # the person themselves or a JMSC Manager, whoever renders it and however (env.user is the caller)
            partner._jmsc_privacy_check_export()
        # sudo: checked above, per person.
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners.sudo(),
            "exports": [partner.sudo()._jmsc_privacy_export_data() for partner in partners],
        }

from odoo import api, models
from odoo.exceptions import UserError


class ReportTrainingCertificate(models.AbstractModel):
    _name = "report.jmsc_training.report_training_certificate"
    _description = "Training Certificate of Completion"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["jmsc.training.enrolment"].browse(docids)
        not_completed = docs.filtered(lambda e: e.state != "completed" or not e.certificate_number)
        if not_completed:
            raise UserError(
                self.env._(
                    "No certificate for %s: only completed enrolments have one.",
                    ", ".join(not_completed.partner_id.mapped("name")),
                )
            )
        return {"doc_ids": docids, "doc_model": "jmsc.training.enrolment", "docs": docs}

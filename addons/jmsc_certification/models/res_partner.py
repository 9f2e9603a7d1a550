from odoo import fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action


class ResPartner(models.Model):
    _inherit = "res.partner"

    jmsc_cert_certificate_ids = fields.One2many("jmsc.cert.certificate", "partner_id", string="Competency Certificates")
    jmsc_cert_application_ids = fields.One2many(
        "jmsc.cert.application", "partner_id", string="Certification Applications"
    )
    jmsc_cert_certificate_count = fields.Integer(
        compute="_compute_jmsc_cert_certificate_count",
        string="Competency Certificate Count",
        groups="jmsc_certification.group_cert_lsp_staff,jmsc_base.group_jmsc_user",
    )

    def _compute_jmsc_cert_certificate_count(self):
        # As the user: the count shows only the certificates their record rules let them open.
        compute_related_count(self, "jmsc_cert_certificate_count", "jmsc.cert.certificate", "partner_id")

    def action_view_jmsc_cert_certificates(self):
        return related_action(
            self, "jmsc_certification.jmsc_cert_certificate_action", "partner_id", context={"create": False}
        )

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    jmsc_cert_certificate_ids = fields.One2many("jmsc.cert.certificate", "partner_id", string="Competency Certificates")
    jmsc_cert_application_ids = fields.One2many(
        "jmsc.cert.application", "partner_id", string="Certification Applications"
    )

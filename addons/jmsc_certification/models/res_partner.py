from odoo import fields, models


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
        counts = {}
        if self.ids:
            counts = {
                partner.id: count
                for partner, count in self.env["jmsc.cert.certificate"]._read_group(
                    [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
                )
            }
        for partner in self:
            partner.jmsc_cert_certificate_count = counts.get(partner.id, 0)

    def action_view_jmsc_cert_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jmsc_certification.jmsc_cert_certificate_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

from odoo import models


class MergePartnerAutomatic(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        """Release the NIKs of the merged-away migrants first: the NIK is unique."""
        nik = dst_partner.nik or next((p.nik for p in src_partners if p.nik), False)
        src_partners.filtered("nik").write({"nik": False})
        result = super()._update_values(src_partners, dst_partner)
        if nik and dst_partner.nik != nik:
            dst_partner.write({"nik": nik})
        return result

from odoo import models
from odoo.exceptions import ValidationError


class JmscCertLspMixin(models.AbstractModel):
    """Records owned by an LSP: LSP staff may only attach them to their own LSP."""

    _name = "jmsc.cert.lsp.mixin"
    _description = "Owned by an LSP"

    def _check_own_lsp(self, lsps):
        user = self.env.user
        if self.env.su or user.has_group("jmsc_certification.group_cert_manager"):
            return
        foreign = lsps - user.jmsc_agency_id
        if foreign:
            raise ValidationError(
                self.env._(
                    "%(model)s: you work for %(own)s and cannot attach records to %(other)s.",
                    model=self._description,
                    own=user.jmsc_agency_id.display_name or "-",
                    other=", ".join(foreign.mapped("display_name")),
                )
            )

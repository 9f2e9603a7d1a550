# pylint: disable=consider-merging-classes-inherited
from odoo import models


class HelpdeskTicket(models.Model):
    """The emails of a stage (case received, closed, ...) reach a migrant only with the consent to be
    reminded by email; other contacts are emailed as before."""

    _inherit = "helpdesk.ticket"

    def _track_template(self, tracking):
        res = super()._track_template(tracking)
        if "stage_id" in res and self[:1].partner_id._jmsc_consent_refused("reminder_email"):
            del res["stage_id"]
        return res

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.related import compute_related_count, related_action


class ResPartner(models.Model):
    _inherit = "res.partner"

    training_enrolment_ids = fields.One2many("jmsc.training.enrolment", "partner_id", string="Training Enrolments")
    training_completed_programme_ids = fields.Many2many(
        "jmsc.training.programme", compute="_compute_training_completed", string="Completed Programmes"
    )
    training_completed_count = fields.Integer(compute="_compute_training_completed", string="Completed Trainings")
    training_enrolment_count = fields.Integer(compute="_compute_training_enrolment_count", string="Trainings")

    def _compute_training_enrolment_count(self):
        # As the user: the count shows only the enrolments their record rules let them open.
        compute_related_count(self, "training_enrolment_count", "jmsc.training.enrolment", "partner_id")

    @api.depends("training_enrolment_ids.state")
    def _compute_training_completed(self):
        completed = self._jmsc_completed_programme_map()
        for partner in self:
            programmes = completed.get(partner.id, self.env["jmsc.training.programme"])
            partner.training_completed_programme_ids = programmes
            partner.training_completed_count = len(programmes)

    def _jmsc_completed_programme_map(self):
        """{partner id: jmsc.training.programme recordset completed}, in one query for all partners."""
        Programme = self.env["jmsc.training.programme"]
        result = {partner_id: Programme for partner_id in self.ids}
        partner_ids = [pid for pid in self.ids if pid]
        if not partner_ids:
            return result
        groups = (
            self.env["jmsc.training.enrolment"]
            .sudo()
            ._read_group(
                [("partner_id", "in", partner_ids), ("state", "=", "completed")],
                ["partner_id"],
                ["programme_id:array_agg"],
            )
        )
        for partner, programme_ids in groups:
            result[partner.id] = Programme.browse(sorted(set(programme_ids)))
        return result

    def _jmsc_completed_programmes(self):
        """The training programmes these partners have completed."""
        completed = self._jmsc_completed_programme_map()
        programmes = self.env["jmsc.training.programme"]
        for partner_programmes in completed.values():
            programmes |= partner_programmes
        return programmes

    def action_view_training_enrolments(self):
        return related_action(
            self,
            "jmsc_training.jmsc_training_enrolment_action",
            "partner_id",
            context={"default_partner_id": self.id, "create": False},
        )

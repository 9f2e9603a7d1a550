# pylint: disable=consider-merging-classes-inherited
"""Privacy inventory of jmsc_training: what it holds about a person (erasure and "data about me")."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_privacy_categories(self):
        categories = super()._jmsc_privacy_categories()
        enrolments = self._jmsc_privacy_records("jmsc.training.enrolment")
        purpose = self.env._("Pre-departure training and its certificate")
        recipients = self.env._("The training centre (BLK/LPK) and the certification body (LSP)")
        statistics = self.env._("Kept for the training statistics (batch, result, attendance); the notes are erased.")
        return categories + self._jmsc_privacy_service(
            purpose,
            recipients,
            statistics,
            [
                {
                    "key": "training_enrolments",
                    "label": self.env._("Training enrolments"),
                    "records": enrolments,
                    "values": {"note": False},
                    "fields": [
                        "batch_id",
                        "programme_id",
                        "centre_id",
                        "state",
                        "date_applied",
                        "score",
                        "attendance_rate",
                        "certificate_number",
                        "date_completed",
                        "note",
                    ],
                },
                {
                    "key": "training_attendance",
                    "label": self.env._("Training attendance"),
                    "records": enrolments.attendance_ids,
                    "values": {"note": False},
                    "fields": ["session_id", "date", "status", "note"],
                },
                {
                    "key": "training_scores",
                    "label": self.env._("Training scores"),
                    "records": enrolments.score_ids,
                    "fields": [f for f in ("component_id", "score") if f in enrolments.score_ids._fields],
                },
            ],
        )

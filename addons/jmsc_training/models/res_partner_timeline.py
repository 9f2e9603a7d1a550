# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """Training's part of the migrant timeline: applications, enrolments and results (one read)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        Enrolment = self.env["jmsc.training.enrolment"]
        partners = partners.filtered("id")
        if not partners or not Enrolment.has_access("read"):
            return events
        source = self.env._("Training")
        today = fields.Date.context_today(self)
        enrolments = Enrolment.search_fetch(
            [("partner_id", "in", partners.ids)],
            [
                "partner_id",
                "programme_id",
                "batch_id",
                "state",
                "date_applied",
                "date_completed",
                "score",
                "certificate_number",
                "write_date",
            ],
        )
        for enrolment in enrolments:
            pid = enrolment.partner_id.id
            programme = enrolment.programme_id.name or ""
            ref = ("jmsc.training.enrolment", enrolment.id)
            events.append(
                self._jmsc_timeline_event(
                    pid,
                    enrolment.date_applied,
                    "training_application",
                    "jmsc_training",
                    self.env._("Applied for training"),
                    programme,
                    *ref,
                    "fa-graduation-cap",
                    source=source,
                )
            )
            if enrolment.state == "completed" and enrolment.date_completed:
                score = "%.1f" % enrolment.score
                detail = self.env._("%(programme)s, score %(score)s", programme=programme, score=score)
                if enrolment.certificate_number:
                    detail += " - " + self.env._("training certificate %s", enrolment.certificate_number)
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        enrolment.date_completed,
                        "training_result",
                        "jmsc_training",
                        self.env._("Training passed"),
                        detail,
                        *ref,
                        "fa-trophy",
                        sequence=20,
                        source=source,
                    )
                )
            elif enrolment.state == "failed":
                day = min(enrolment.batch_id.date_end or today, today)
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        day,
                        "training_result",
                        "jmsc_training",
                        self.env._("Training not passed"),
                        programme,
                        *ref,
                        "fa-times-circle",
                        sequence=20,
                        source=source,
                    )
                )
            elif enrolment.state == "dropped":
                events.append(
                    self._jmsc_timeline_event(
                        pid,
                        enrolment.write_date,
                        "training_dropped",
                        "jmsc_training",
                        self.env._("Dropped out of training"),
                        programme,
                        *ref,
                        "fa-sign-out",
                        sequence=20,
                        source=source,
                    )
                )
        return events

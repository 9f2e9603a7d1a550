# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.addons.jmsc_base.tools.office_day import office_today

# the kinds of events training reports and their options (see _jmsc_timeline_source)
KINDS = {
    "training_application": {"icon": "fa-graduation-cap"},
    "training_result": {"icon": "fa-trophy", "sequence": 20},
    "training_dropped": {"icon": "fa-sign-out", "sequence": 20},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _jmsc_timeline_events(self, partners, date_from=False, date_to=False):
        """Training's part of the migrant timeline: applications, enrolments and results (one read)."""
        events = super()._jmsc_timeline_events(partners, date_from, date_to)
        enrolments = self._jmsc_timeline_read(
            "jmsc.training.enrolment",
            partners,
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
        add = self._jmsc_timeline_source(events, "jmsc_training", KINDS, self.env._("Training"))
        today = office_today(self)
        for enrolment in enrolments:
            programme = enrolment.programme_id.name or ""
            add(
                "training_application", enrolment, enrolment.date_applied, self.env._("Applied for training"), programme
            )
            if enrolment.state == "completed" and enrolment.date_completed:
                score = "%.1f" % enrolment.score
                detail = self.env._("%(programme)s, score %(score)s", programme=programme, score=score)
                if enrolment.certificate_number:
                    detail += " - " + self.env._("training certificate %s", enrolment.certificate_number)
                add("training_result", enrolment, enrolment.date_completed, self.env._("Training passed"), detail)
            elif enrolment.state == "failed":
                day = min(enrolment.batch_id.date_end or today, today)
                title = self.env._("Training not passed")
                add("training_result", enrolment, day, title, programme, icon="fa-times-circle")
            elif enrolment.state == "dropped":
                title = self.env._("Dropped out of training")
                add("training_dropped", enrolment, enrolment.write_date, title, programme)
        return events

# pylint: disable=consider-merging-classes-inherited
"""Anonymisation of a migrant: scrub personal data, keep anonymous statistics."""

import datetime

from odoo import fields, models

from .res_partner_guard import ANONYMIZE_TOKEN, GUARD_CONTEXT_KEY


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_anonymized = fields.Boolean(readonly=True, copy=False)
    anonymized_date = fields.Datetime(readonly=True, copy=False)
    anonymized_by_id = fields.Many2one("res.users", string="Anonymised By", readonly=True, copy=False)

    def _jmsc_anonymize(self):
        """Scrub personal data, keep the anonymous statistics. Callers check the rights."""
        personal = {
            "nik": False,
            "kk_number": False,
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "zip": False,
            "city": False,
            "place_of_birth": False,
            "district": False,
            "village": False,
            "vat": False,
            "website": False,
            "comment": False,
            "health_notes": False,
            "image_1920": False,
            "is_anonymized": True,
            "anonymized_date": fields.Datetime.now(),
            "anonymized_by_id": self.env.uid,
        }
        for partner in self:
            born = partner.birthdate_date
            partner.with_context(tracking_disable=True, **{GUARD_CONTEXT_KEY: ANONYMIZE_TOKEN}).write(
                dict(
                    personal,
                    name=self.env._("Anonymised migrant %s", partner.id),
                    birthdate_date=born and datetime.date(born.year, 1, 1),
                    birth_year=born and born.year,
                )
            )
        self.family_member_ids.unlink()
        self.consent_ids.unlink()
        self.id_numbers.unlink()
        placements = self.placement_ids
        placements.with_context(tracking_disable=True).write(
            {"employer": False, "agreement_number": False, "salary": 0.0}
        )
        self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "in", self.ids),
                "&",
                ("model", "=", "jmsc.placement"),
                ("res_id", "in", placements.ids),
            ]
        ).unlink()
        self.env["ir.attachment"].search([("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]).unlink()
        self.activity_ids.unlink()

from odoo import fields, models

CENTRE_DOMAIN = [("agency_type_id.code", "in", ("training_centre", "migrant_centre"))]


class JmscTrainingRoom(models.Model):
    """A classroom of a training centre."""

    _name = "jmsc.training.room"
    _description = "Training Room"
    _order = "centre_id, name"

    name = fields.Char(required=True)
    centre_id = fields.Many2one("res.partner", required=True, domain=CENTRE_DOMAIN, index=True)
    capacity = fields.Integer(required=True, default=20)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity > 0)", "The capacity of a room must be positive."),
        ("name_centre_unique", "unique(centre_id, name)", "A centre cannot have two rooms with the same name."),
    ]

    def _compute_display_name(self):
        for room in self:
            room.display_name = f"{room.centre_id.name} / {room.name}" if room.centre_id else room.name

"""The field that ties a record (or a wizard) to one cooperative, declared once for every model."""

from odoo import fields

COOPERATIVE_DOMAIN = [("agency_type_id.code", "=", "cooperative")]


def cooperative_field(user_default=True, **options):
    """A required Many2one to a cooperative (a contact whose agency type is `cooperative`).

    :param user_default: by default the cooperative the user works for (``jmsc.coop.member._default_cooperative``)
    :param options: further field options (``index``, ``ondelete``...)
    """
    if user_default:
        options.setdefault("default", lambda self: self.env["jmsc.coop.member"]._default_cooperative())
    return fields.Many2one("res.partner", required=True, domain=COOPERATIVE_DOMAIN, **options)

# pylint: disable=consider-merging-classes-inherited
"""Write guards of the migrant profile: flag and state fields change only through their method."""

from odoo import models
from odoo.exceptions import UserError

# Write guards (readme/SECURITY.md, "Write guards"). A guarded field changes only through its method, which
# passes one of these tokens in the context. They are plain Python objects: a JSON-RPC client can put any
# key in its context but cannot produce these values, so a forged context never opens a guard.
STAGE_TOKEN = object()
ANONYMIZE_TOKEN = object()
GUARD_CONTEXT_KEY = "jmsc_base_write_guard"
# field -> the token that opens it (None: only the ORM itself, computing the field, sets it)
GUARDED_FIELDS = {
    "migration_stage": STAGE_TOKEN,
    "is_anonymized": ANONYMIZE_TOKEN,
    "anonymized_date": ANONYMIZE_TOKEN,
    "anonymized_by_id": ANONYMIZE_TOKEN,
    "jmsc_is_relative": None,
    "has_active_consent": None,
    "current_placement_id": None,
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _jmsc_check_guarded_fields(self, vals, allowed=()):
        """Refuse a guarded field (GUARDED_FIELDS) written outside the method meant for it."""
        if self.env.su:
            return
        token = self.env.context.get(GUARD_CONTEXT_KEY)
        for fname in GUARDED_FIELDS.keys() & vals.keys():
            if fname in allowed or (GUARDED_FIELDS[fname] is not None and token is GUARDED_FIELDS[fname]):
                continue
            field_label = self._fields[fname]._description_string(self.env)
            if fname == "migration_stage":
                how = self.env._("use the stage buttons on the migrant form")
            elif GUARDED_FIELDS[fname] is ANONYMIZE_TOKEN:
                how = self.env._("use the Anonymise wizard (JMSC Managers)")
            else:
                how = self.env._("it is computed by the system")
            raise UserError(
                self.env._("The field %(field)s cannot be changed directly: %(how)s.", field=field_label, how=how)
            )

    def _jmsc_check_unflag_migrant(self):
        """Un-marking a migrant would show them to every internal user: JMSC Managers only."""
        if self.env.su or self.env.user.has_group("jmsc_base.group_jmsc_manager"):
            return
        migrants = self.filtered("is_migrant")
        if migrants:
            raise UserError(
                self.env._(
                    "Only a JMSC Manager can remove the migrant mark of %s: without it the person's data "
                    "would be visible to every internal user.",
                    ", ".join(migrants.mapped("display_name")),
                )
            )

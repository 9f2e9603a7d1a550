from odoo import models
from odoo.exceptions import UserError


class JmscStateGuardMixin(models.AbstractModel):
    """A workflow step allowed only from some states: ``_check_state(allowed, action)`` refuses it (UserError) for
    the first record whose ``state`` is not in ``allowed``; the model words the refusal in
    ``_jmsc_state_refusal(state, action)``."""

    _name = "jmsc.state.guard.mixin"
    _description = "Workflow Step Allowed by State"

    def _check_state(self, allowed, action):
        """:param action: the translated name of the step, as the model's refusal words it"""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(record._jmsc_state_refusal(labels[record.state], action))

    def _jmsc_state_refusal(self, state, action):
        """The message refusing ``action`` to this record, whose state reads ``state``."""
        raise NotImplementedError

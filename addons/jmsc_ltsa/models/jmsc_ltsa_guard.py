"""Write guards: state and flag fields change only through the methods meant for them.

The methods write through `guarded(records)`, which marks the context with a
Python object that JSON-RPC cannot send, so a client cannot forge it. The
superuser (data files, public controllers after their own checks) passes too.
"""

from odoo.exceptions import UserError

GUARD_KEY = "jmsc_ltsa_guarded_write"


class _Guard:
    """A context value no RPC client can produce (it is not JSON)."""

    def __repr__(self):
        return "<jmsc_ltsa guard>"


GUARD = _Guard()


def guarded(records):
    return records.with_context(**{GUARD_KEY: GUARD})


def is_guarded(records):
    return records.env.su or records.env.context.get(GUARD_KEY) is GUARD


def check_guarded_fields(records, vals, protected):
    """Refuse a write or create that sets `protected` fields outside their method."""
    if is_guarded(records):
        return
    forbidden = sorted(set(vals) & set(protected))
    if forbidden:
        labels = ", ".join(records._fields[name]._description_string(records.env) for name in forbidden)
        raise UserError(
            records.env._(
                "%(model)s: the fields %(fields)s are set by the desk buttons only; they cannot be typed in.",
                model=records.env["ir.model"].sudo()._get(records._name).name,
                fields=labels,
            )
        )

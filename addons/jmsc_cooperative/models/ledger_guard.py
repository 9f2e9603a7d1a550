"""Switches that let only server code write ledger rows and state fields.

A context key would be client-controlled (RPC callers pass any context), so the
switches live in a context variable that only server code can set.

- ``posting``: the posting service writes ledger rows (transactions, balances);
- ``account_state``: the manager-only account buttons (block, dormant, activate, close);
- ``member_status``: ending a membership (resign, deceased);
- ``hold_release``: the manager-only release of a hold;
- ``member_registration``: the registration wizard creates a membership for a migrant found by NIK.
"""

import contextlib
import contextvars

_ALLOWED = contextvars.ContextVar("jmsc_coop_allowed", default=frozenset())


@contextlib.contextmanager
def allow(*names):
    token = _ALLOWED.set(_ALLOWED.get() | frozenset(names))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def is_allowed(name):
    return name in _ALLOWED.get()


def posting_guard():
    return allow("posting")


def is_posting():
    return is_allowed("posting")

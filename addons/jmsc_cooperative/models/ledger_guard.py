"""The switch that lets only the posting service write ledger rows.

A context key would be client-controlled (RPC callers pass any context), so the
flag lives in a context variable that only server code can set.
"""

import contextlib
import contextvars

_POSTING = contextvars.ContextVar("jmsc_coop_posting", default=False)


@contextlib.contextmanager
def posting_guard():
    token = _POSTING.set(True)
    try:
        yield
    finally:
        _POSTING.reset(token)


def is_posting():
    return _POSTING.get()

"""The one way to make the secrets behind public links and the codes people read out.

- ``new_token()``: a URL token for a public link (certificate verification, kiosk, board, receipt):
  ``secrets.token_urlsafe(TOKEN_BYTES)``, i.e. 32 characters of ``A-Z a-z 0-9 - _`` (192 bits).
  Store it in a ``Char`` field with ``copy=False``, ``readonly=True``, ``index=True`` and a ``unique``
  constraint, look it up with ``plausible_token()`` first and compare with ``consteq``.
- ``new_spoken_code()``: a code a person reads out on the phone or types from paper (a complaint's
  tracking code): groups of 4 characters without I, L, O, U, 0 or 1, behind a prefix.

Older records may hold shorter tokens (16 bytes, 22 characters): ``plausible_token`` accepts them.
"""

import secrets

TOKEN_BYTES = 24
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
TOKEN_MIN_LENGTH, TOKEN_MAX_LENGTH = 16, 64
# No I, L, O, U, 0 or 1, so a code read out on the phone cannot be misheard.
SPOKEN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
SPOKEN_GROUP_SIZE = 4


def new_token():
    """A fresh unguessable URL token (32 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def plausible_token(token, min_length=TOKEN_MIN_LENGTH, max_length=TOKEN_MAX_LENGTH):
    """Whether ``token`` can be one of ours, before it reaches a query (length and alphabet)."""
    return isinstance(token, str) and min_length <= len(token) <= max_length and TOKEN_CHARS.issuperset(token)


def new_spoken_code(prefix, groups=3):
    """``"JMSC-7K3Q-9WXM-4TPA"`` for ``prefix="JMSC"``: ``groups`` groups of 4 unambiguous characters."""
    parts = ("".join(secrets.choice(SPOKEN_ALPHABET) for _i in range(SPOKEN_GROUP_SIZE)) for _g in range(groups))
    return "-".join([prefix, *parts])


def normalise_spoken_code(raw, prefix, groups=3):
    """``" jmsc 7k3q-9wxm 4tpa "`` -> ``"JMSC-7K3Q-9WXM-4TPA"``; None if it cannot be such a code."""
    if not raw or not isinstance(raw, str) or len(raw) > 64:
        return None
    compact = "".join(ch for ch in raw.upper() if ch.isalnum())
    if compact.startswith(prefix):
        compact = compact[len(prefix) :]
    size = SPOKEN_GROUP_SIZE
    if len(compact) != size * groups or any(ch not in SPOKEN_ALPHABET for ch in compact):
        return None
    return "-".join([prefix, *(compact[i : i + size] for i in range(0, len(compact), size))])

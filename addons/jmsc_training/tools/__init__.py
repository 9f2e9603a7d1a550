"""Small helpers shared by the training and certification modules."""

import threading
import time
from collections import deque

# Contract 7: system notes never need the acting user's email address.


def log_system_note(records, body):
    """Log a chatter note on each record as OdooBot (no email needed, no notification sent).

    `body` is one body for every record, or a dict {record id: body}.
    """
    if not records:
        return records.env["mail.message"]
    env = records.env
    odoobot = env.ref("base.partner_root")
    bodies = body if isinstance(body, dict) else dict.fromkeys(records.ids, body)
    return records._message_log_batch(
        bodies,
        author_id=odoobot.id,
        email_from=odoobot.email_formatted or env.company.email_formatted or False,
        message_type="comment",
    )


def migrant_card(env, nik):
    """The minimal card of the migrant with this NIK (contract 1).

    Returns {"match": bool, "partner_id": int|False, "initials": str, "regency": str}. Uses
    `res.partner.jmsc_migrant_card` from jmsc_base when it exists; until then a private fallback with the
    same contract. TODO: drop the fallback once jmsc_base ships jmsc_migrant_card.
    """
    Partner = env["res.partner"]
    if hasattr(type(Partner), "jmsc_migrant_card"):
        return Partner.jmsc_migrant_card(nik)
    digits = "".join(ch for ch in (nik or "") if ch in "0123456789")
    empty = {"match": False, "partner_id": False, "initials": "", "regency": ""}
    if len(digits) != 16:
        return empty
    # sudo: a lookup by the full NIK the officer holds in hand; only the minimal card leaves this function.
    partner = Partner.sudo().search([("is_migrant", "=", True), ("nik", "=", digits)], limit=1)
    if not partner:
        return empty
    return {
        "match": True,
        "partner_id": partner.id,
        "initials": " ".join(f"{word[0]}." for word in (partner.name or "").split()),
        "regency": partner.regency_id.name or "",
    }


class RateLimiter:
    """Per-client sliding window for public pages (per worker process): `allow(key)` is False past the limit."""

    def __init__(self, limit, window):
        self.limit, self.window = limit, window
        self._hits = {}
        self._lock = threading.Lock()

    def allow(self, key):
        now = time.monotonic()
        with self._lock:
            if len(self._hits) > 10000:
                self._hits.clear()
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] > self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

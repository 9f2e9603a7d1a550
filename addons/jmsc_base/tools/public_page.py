"""The start of every public page opened by a token (certificate checks): see public_token for the rule."""

from odoo.http import request

NO_INDEX_HEADERS = {"X-Robots-Tag": "noindex", "Cache-Control": "no-store"}


def client_key():
    """The client a rate limit counts for."""
    return request.httprequest.remote_addr or "-"


def open_public_page(scope, limit, window):
    """Bahasa Indonesia when installed, headers that keep the page out of search engines and caches, and
    the per-client rate limit of ``scope`` (``limit`` hits per ``window`` seconds).

    Returns ``(headers, allowed)``; when not allowed, answer 429 with ``Retry-After``."""
    if "id_ID" in dict(request.env["res.lang"].get_installed()):
        request.update_context(lang="id_ID")
    # sudo: the public user may not write the rate-limit counters; only this client's counter is hit.
    allowed = request.env["jmsc.rate.limit"].sudo()._jmsc_hit(f"{scope}:{client_key()}", limit, window)
    return dict(NO_INDEX_HEADERS), allowed


def too_many_requests(template, values, headers):
    """The page ``template`` rendered for a client over its rate limit: 429, to be retried in a minute."""
    return request.render(
        template, dict(values, too_many=True), status=429, headers=dict(headers, **{"Retry-After": "60"})
    )

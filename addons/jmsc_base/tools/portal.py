"""Shared pieces of the portal controllers (the migrant's own pages)."""

from odoo.http import request


def portal_counter(values, counters, key, model, domain=()):
    """The portal home's counter ``key`` (when the page asks for it): how many ``model`` records in ``domain``
    the user may read, 0 without read access to ``model``."""
    if key in counters:
        Model = request.env[model]
        values[key] = Model.search_count(list(domain)) if Model.has_access("read") else 0
    return values


def portal_migrant():
    """The logged-in user's own person, for the pages that only a migrant has (404 for anyone else)."""
    migrant = request.env.user.partner_id
    if not migrant.is_migrant:
        raise request.not_found()
    return migrant

"""One NIK: the partner's NIK and KK become the numbers of its KTP and KK documents.

Before 18.0.1.1.0 both existed unlinked. The partner's fields were validated, the documents were not:
the partner's value wins. A missing document is created; a document with another number takes the
partner's number (keeping its scan and dates); extra documents of the same category are archived.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False, "tracking_disable": True})
    Document = env["res.partner.id_number"]
    for field, code in (("nik", "KTP"), ("kk_number", "KK")):
        category = env["res.partner.id_category"].search([("code", "=", code)], limit=1)
        if not category:
            continue
        column = SQL.identifier(field)
        cr.execute(SQL("SELECT id, %s FROM res_partner WHERE %s IS NOT NULL AND %s != ''", column, column, column))
        numbers = dict(cr.fetchall())
        documents = Document.search([("partner_id", "in", list(numbers)), ("category_id", "=", category.id)])
        by_partner = {}
        for document in documents.filtered("active"):
            by_partner.setdefault(document.partner_id.id, Document)
            by_partner[document.partner_id.id] |= document
        to_create = []
        for partner_id, number in numbers.items():
            current = by_partner.get(partner_id, Document)
            if not current:
                to_create.append({"partner_id": partner_id, "category_id": category.id, "name": number})
                continue
            keep = current.filtered(lambda d, number=number: d.name == number)[:1] or current[:1]
            (current - keep).write({"active": False})
            if keep.name != number:
                keep.write({"name": number})
        if to_create:
            Document.create(to_create)
        _logger.info("One NIK: %s %s documents created, %s partners checked", len(to_create), code, len(numbers))
    # The agencies' licence fields became jmsc.agency.licence records here until 18.0.1.3.0 removed the
    # fields: migrations/18.0.1.3.0 copies them now (its pre-migration keeps the values, whatever the
    # version upgraded from), so this script no longer reads them.

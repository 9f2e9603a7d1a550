"""Every licence value the agencies held in their old partner fields becomes a jmsc.agency.licence
(18.0.1.3.0), for databases upgraded without 18.0.1.2.0's copy as well; then the stash table goes."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import table_exists

_logger = logging.getLogger(__name__)

LEGACY_TABLE = "jmsc_agency_licence_legacy"


def migrate(cr, version):
    if not version or not table_exists(cr, LEGACY_TABLE):
        return
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    cr.execute(
        SQL(
            "SELECT partner_id, licence_number, valid_until, p3mi_number, p3mi_expiry FROM %s ORDER BY partner_id",
            SQL.identifier(LEGACY_TABLE),
        )
    )
    rows = cr.fetchall()
    # Agencies have no portal home: the shipped agency licence rules show no portal notice.
    for xmlid in ("jmsc_base.expiry_rule_agency_licence_90", "jmsc_base.expiry_rule_agency_licence_30"):
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.notify_portal = False
    licences = env["jmsc.agency.licence"]._jmsc_copy_legacy_licences(rows)
    cr.execute(SQL("DROP TABLE %s", SQL.identifier(LEGACY_TABLE)))
    _logger.info("Agency licences: %s agencies with old licence fields, %s licences created", len(rows), len(licences))

"""Who saw what (UU PDP 27/2022, breach notification within 3x24 hours): an append-only access log.

A line says who read which sensitive fields of which record, or exported/printed which records, when and
from where. It names fields, never their values: the log holds no NIK. Lines are written by the system only
(``_jmsc_log``, sudo), nobody may change them, and only the log's own retention (``_cron_jmsc_purge``)
deletes them. The readme tells why this lean log is used rather than OCA auditlog, with the measurements.
"""

import logging

from dateutil.relativedelta import relativedelta
from psycopg2.errors import ReadOnlySqlTransaction

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# The only way to delete lines: a Python object a JSON-RPC client cannot put in a context.
PURGE_TOKEN = object()
PURGE_CONTEXT_KEY = "jmsc_access_log_purge"
# How long the log itself is kept (years); ir.config_parameter jmsc_base.access_log_years overrides it.
DEFAULT_LOG_YEARS = 2


def read_write(method):
    """Run this RPC method on a read/write cursor although a parent declares it ``@api.readonly``: it writes
    the access log. The web client's call_kw takes the first ``_readonly`` it meets in the model's MRO."""
    method._readonly = False
    return method


class AccessLoggedReads:
    """The reads of a model whose sensitive fields are logged (jmsc.access.log), in one place.

    A plain Python mixin (no fields, so no second copy of the model's fields and tables in the registry):
    put it before ``models.Model`` in the class that extends the model, and define
    ``_jmsc_read_log_entries(result, fnames)``, which returns the log entries (record id, person id, field
    names) of what ``result`` (the values ``_read_format`` returns to the user) disclosed::

        class ResPartner(AccessLoggedReads, models.Model):
            _inherit = "res.partner"

    ``_read_format`` serves ``read`` (the web client's ``web_read``) and ``search_read`` (JSON-RPC clients);
    the four RPC entry points run on a read/write cursor (Odoo 18 runs ``@api.readonly`` methods on a
    read-only one, e.g. a replica) because they write the log. Reads made by the system (sudo) are not
    logged: only what a user was given. One INSERT per read, whatever the number of records."""

    __slots__ = ()  # the same instance layout as a model's (Odoo reassigns the registry classes' bases)

    @read_write
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model  # else call_kw takes the domain for ids (and searches everything)
    @read_write
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs):
        return super().search_read(domain=domain, fields=fields, offset=offset, limit=limit, order=order, **read_kwargs)

    @read_write
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @read_write
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if result and fnames and not self.env.su:
            entries = self._jmsc_read_log_entries(result, fnames)
            if entries:
                self.env["jmsc.access.log"]._jmsc_log("read", self._name, entries)
        return result

    def _jmsc_read_log_entries(self, result, fnames):
        """(record id, person id, field names) of each record whose sensitive fields ``result`` discloses."""
        raise NotImplementedError


class JmscAccessLog(models.Model):
    _name = "jmsc.access.log"
    _description = "Access Log (Who Saw What)"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    operation = fields.Selection(
        [("read", "Read"), ("export", "Export"), ("report", "Report Download"), ("download", "File Download")],
        required=True,
        readonly=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        readonly=True,
        index=True,
        ondelete="set null",
        help="The migrant (or relative) whose data was read.",
    )
    res_model = fields.Char(string="Model", readonly=True, required=True)
    res_id = fields.Integer(string="Record ID", readonly=True)
    field_names = fields.Char(string="Fields", readonly=True, help="Names of the fields read or exported, no values.")
    record_count = fields.Integer(string="Records", readonly=True, default=1)
    detail = fields.Char(readonly=True, help="Report or export name.")
    ip_address = fields.Char(string="IP Address", readonly=True)
    res_model_label = fields.Char(string="Record Type", compute="_compute_labels")
    field_labels = fields.Char(string="Data Read", compute="_compute_labels")

    @api.depends("res_model", "field_names")
    def _compute_labels(self):
        """The model's and fields' names as the reader's screens show them (the stored ones are technical)."""
        # sudo: names of models only, which every screen shows; an auditor may not read ir.model.
        IrModel = self.env["ir.model"].sudo()
        labels = {}
        for log in self:
            model = log.res_model
            if model not in labels:
                labels[model] = IrModel._get(model).name if model and model in self.env else model
            log.res_model_label = labels[model] or False
            fields_ = self.env[model]._fields if model in self.env else {}
            names = [name.strip() for name in (log.field_names or "").split(",") if name.strip()]
            log.field_labels = (
                ", ".join(fields_[n]._description_string(self.env) if n in fields_ else n for n in names) or False
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(self.env._("The access log is written by the system only."))
        return super().create(vals_list)

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The access log cannot be changed."))

    def unlink(self):
        if self.env.context.get(PURGE_CONTEXT_KEY) is not PURGE_TOKEN:
            raise UserError(self.env._("The access log cannot be deleted; old lines go by its retention only."))
        return super().unlink()

    # --- business methods ----------------------------------------------------------------------------------

    @api.model
    def _jmsc_log(self, operation, model, entries, detail=False):
        """Append one line per entry for the current user. ``entries``: (res_id, partner_id, field names).
        No values are stored, only field names."""
        if not entries:
            return self.browse()
        if self.env.cr.readonly:
            # A read-only cursor (a replica, or a read-only route): the HTTP layer retries the request on a
            # read/write cursor when it meets this error, so the access is logged all the same.
            raise ReadOnlySqlTransaction("The access log needs a read/write cursor")
        ip_address = False
        if request:
            try:
                ip_address = request.httprequest.remote_addr
            except RuntimeError:
                ip_address = False
        # One INSERT for the whole batch (a list view reads 80 records at once): the ORM's create costs
        # ~0.4 ms a line, too much on every read (bench/access_log.py, readme/DESCRIPTION.md). The system
        # appends what the current user did; create() itself stays closed to everyone. The time is kept to the
        # second like every Odoo datetime: a report whose end is "now" (truncated to the second) must find the
        # reads made earlier in that same second.
        entries = list(entries)
        self.env.execute_query(
            SQL(
                """INSERT INTO jmsc_access_log
                          (date, user_id, operation, partner_id, res_model, res_id, field_names, detail,
                           ip_address, record_count)
                   SELECT date_trunc('second', now() AT TIME ZONE 'UTC'), %s, %s, NULLIF(p, 0), %s, r,
                          NULLIF(f, ''), %s, %s, 1
                     FROM unnest(%s::int[], %s::int[], %s::varchar[]) AS t(r, p, f)""",
                self.env.uid,
                operation,
                model,
                detail or None,
                ip_address or None,
                [res_id or 0 for res_id, _partner, _names in entries],
                [partner_id or 0 for _res, partner_id, _names in entries],
                [", ".join(sorted(names)) if names else "" for _res, _partner, names in entries],
            )
        )
        return True

    @api.model
    def _jmsc_log_records(self, operation, records, field_names=(), detail=False):
        """Log an export or a report of ``records`` (one line per record, or one for no record)."""
        if not records:
            return self._jmsc_log(operation, records._name, [(0, False, field_names)], detail=detail)
        partners = records._jmsc_access_log_partners()
        return self._jmsc_log(
            operation, records._name, [(rid, partners.get(rid), field_names) for rid in records.ids], detail=detail
        )

    @api.model
    def _cron_jmsc_purge(self):
        """The log's own retention: lines older than the configured years go."""
        years = int(self.env["ir.config_parameter"].sudo().get_param("jmsc_base.access_log_years", DEFAULT_LOG_YEARS))
        limit = fields.Datetime.now() - relativedelta(years=max(years, 1))
        old = self.sudo().search([("date", "<", limit)])
        _logger.info("Access log retention: %s lines older than %s years deleted", len(old), years)
        return old.with_context(**{PURGE_CONTEXT_KEY: PURGE_TOKEN}).unlink()

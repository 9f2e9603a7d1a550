import odoo
from odoo import api, fields, models
from odoo.http import request
from odoo.tools import SQL


class JmscRateLimit(models.Model):
    """Hits on public endpoints, counted per key in a sliding window.

    Shared by every worker through the database: a transaction-scoped advisory
    lock on the key serialises the count-then-insert, so a burst of parallel
    requests cannot slip past the limit. No group has access: public
    controllers call it through `sudo()` on purpose (they hold no user).
    """

    _name = "jmsc.rate.limit"
    _description = "Public Endpoint Rate Limit Hit"
    _log_access = False
    _order = "id desc"

    key = fields.Char(required=True, index=True, readonly=True)
    hit_at = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)

    @api.model
    def _jmsc_hit(self, key, limit, window_seconds):
        """Count one hit on `key`; return False (and count nothing) past `limit` hits in the window.

        The hit is counted in a transaction of its own, READ COMMITTED and after the advisory lock,
        so every statement sees the hits other workers committed (the request's own REPEATABLE READ
        snapshot predates the lock and would let a parallel burst slip through). The hit stays
        counted even if the request fails afterwards. Tests count in their own transaction, which
        must see its hits and roll them back.

        One HTTP request counts once per key: Odoo runs a request again after a serialization failure
        (odoo.service.model.retrying), and the retry must not take a second hit of the visitor's budget
        (a burst of 30 from one kiosk allowed 5 then issued only 4 tickets).
        """
        counted = {}
        if request:
            counted = getattr(request, "jmsc_rate_hits", None)
            if counted is None:
                counted = request.jmsc_rate_hits = {}
        if key not in counted:
            counted[key] = self._jmsc_hit_once(key, limit, window_seconds)
        return counted[key]

    @api.model
    def _jmsc_hit_once(self, key, limit, window_seconds):
        if odoo.modules.module.current_test or self.env.registry.in_test_mode():
            return self._jmsc_count_and_insert(self.env.cr, key, limit, window_seconds)
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
            return self._jmsc_count_and_insert(cr, key, limit, window_seconds)

    @api.model
    def _jmsc_count_and_insert(self, cr, key, limit, window_seconds):
        cr.execute(SQL("SELECT pg_advisory_xact_lock(hashtext(%s))", f"jmsc.rate.limit:{key}"))
        if self._jmsc_count(cr, key, window_seconds) >= limit:
            return False
        cr.execute(SQL("INSERT INTO jmsc_rate_limit (key, hit_at) VALUES (%s, now() at time zone 'UTC')", key))
        return True

    @api.model
    def _jmsc_count(self, cr, key, window_seconds):
        cr.execute(
            SQL(
                "SELECT count(*) FROM jmsc_rate_limit WHERE key = %s "
                "AND hit_at > (now() at time zone 'UTC') - make_interval(secs => %s)",
                key,
                int(window_seconds),
            )
        )
        return cr.fetchone()[0]

    @api.model
    def _jmsc_remaining(self, key, limit, window_seconds):
        """How many hits `key` still has in the window (read-only)."""
        return max(0, limit - self._jmsc_count(self.env.cr, key, window_seconds))

    @api.model
    def _cron_jmsc_purge(self):
        """Forget hits older than two days (no window is longer than a day)."""
        self.env.cr.execute(
            SQL("DELETE FROM jmsc_rate_limit WHERE hit_at < (now() at time zone 'UTC') - interval '2 days'")
        )

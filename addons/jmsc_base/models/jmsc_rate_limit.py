from odoo import api, fields, models
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
        counted even if the request fails afterwards.
        """
        with self.env.registry.cursor() as cr:
            if not self.env.registry.in_test_mode():
                # First statement of the new transaction (tests share one transaction: nothing to set).
                cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
            cr.execute(SQL("SELECT pg_advisory_xact_lock(hashtext(%s))", f"jmsc.rate.limit:{key}"))
            cr.execute(
                SQL(
                    "SELECT count(*) FROM jmsc_rate_limit WHERE key = %s "
                    "AND hit_at > (now() at time zone 'UTC') - make_interval(secs => %s)",
                    key,
                    int(window_seconds),
                )
            )
            if cr.fetchone()[0] >= limit:
                return False
            cr.execute(SQL("INSERT INTO jmsc_rate_limit (key, hit_at) VALUES (%s, now() at time zone 'UTC')", key))
        return True

    @api.model
    def _jmsc_remaining(self, key, limit, window_seconds):
        """How many hits `key` still has in the window (read-only)."""
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM jmsc_rate_limit"
                " WHERE key = %s AND hit_at > (now() at time zone 'UTC') - %s::interval",
                key,
                f"{int(window_seconds)} seconds",
            )
        )
        return max(0, limit - self.env.cr.fetchone()[0])

    @api.model
    def _cron_jmsc_purge(self):
        """Forget hits older than two days (no window is longer than a day)."""
        self.env.cr.execute(
            SQL("DELETE FROM jmsc_rate_limit WHERE hit_at < (now() at time zone 'UTC') - interval '2 days'")
        )

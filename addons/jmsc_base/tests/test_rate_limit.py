import contextlib
import types

from odoo.http import _request_stack
from odoo.tests import TransactionCase


class TestRateLimit(TransactionCase):
    @contextlib.contextmanager
    def _request(self):
        """One HTTP request in flight (the limiter only needs somewhere to note what it counted)."""
        _request_stack.push(types.SimpleNamespace())
        try:
            yield
        finally:
            _request_stack.pop()

    def test_limit_per_key_and_window(self):
        limiter = self.env["jmsc.rate.limit"].sudo()
        self.assertTrue(all(limiter._jmsc_hit("kiosk:1.2.3.4", 3, 60) for _ in range(3)))
        self.assertFalse(limiter._jmsc_hit("kiosk:1.2.3.4", 3, 60), "the fourth hit in the window is refused")
        self.assertEqual(limiter.search_count([("key", "=", "kiosk:1.2.3.4")]), 3, "a refused hit is not counted")
        self.assertTrue(limiter._jmsc_hit("kiosk:5.6.7.8", 3, 60), "another client has its own budget")
        self.assertEqual(limiter._jmsc_remaining("kiosk:5.6.7.8", 3, 60), 2)
        # Hits older than the window no longer count.
        self.env.cr.execute(
            "UPDATE jmsc_rate_limit SET hit_at = hit_at - interval '2 minutes' WHERE key = 'kiosk:1.2.3.4'"
        )
        self.assertTrue(limiter._jmsc_hit("kiosk:1.2.3.4", 3, 60))

    def test_a_retried_request_counts_once(self):
        """Odoo runs a request again after a serialization failure: the same request is one hit."""
        limiter = self.env["jmsc.rate.limit"].sudo()
        with self._request():
            self.assertTrue(limiter._jmsc_hit("kiosk:9.9.9.9", 2, 60))
            self.assertTrue(limiter._jmsc_hit("kiosk:9.9.9.9", 2, 60), "the retry of the same request")
            self.assertTrue(limiter._jmsc_hit("kiosk.site:1", 2, 60), "another key of the same request counts")
        self.assertEqual(limiter.search_count([("key", "=", "kiosk:9.9.9.9")]), 1)
        with self._request():
            self.assertTrue(limiter._jmsc_hit("kiosk:9.9.9.9", 2, 60), "the next request takes the second hit")
        with self._request():
            self.assertFalse(limiter._jmsc_hit("kiosk:9.9.9.9", 2, 60), "and the third request is refused")

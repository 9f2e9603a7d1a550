from odoo.tests import TransactionCase


class TestRateLimit(TransactionCase):
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

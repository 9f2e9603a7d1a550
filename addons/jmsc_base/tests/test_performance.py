from odoo.tests import tagged

from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install")
class TestPerformance(JmscBaseCommon):
    def _vals(self, count, offset):
        return [
            {
                "name": f"Migran {offset + i}",
                "is_migrant": True,
                "nik": make_nik(1 + i % 28, 1 + i % 12, 1990, serial=offset + i + 1, female=bool(i % 2)),
                "regency_id": self.regency_indramayu.id,
                "mobile": f"0812{offset + i:08d}",
            }
            for i in range(count)
        ]

    def test_create_query_count_does_not_grow(self):
        Partner = self.env["res.partner"]
        # Warm the caches (groups, translations, country) outside the measure.
        Partner.create(self._vals(2, 9000))
        self.env.flush_all()
        # Pinned: the same number of queries for 10 and for 100 migrants (16: the NIK region check reads the
        # regency codes once per batch; the KTP documents holding the NIKs are created in one batch).
        with self.assertQueryCount(__system__=16):
            Partner.create(self._vals(10, 0))
            self.env.flush_all()
        with self.assertQueryCount(__system__=16):
            migrants = Partner.create(self._vals(100, 100))
            self.env.flush_all()
        self.assertEqual(len(migrants), 100)
        self.assertEqual(len(migrants.stage_history_ids), 100)

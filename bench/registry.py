"""Benchmark of the migrant registry (jmsc_base). Not a test: it prints timings and ratios.

Usage (from the repository root, on a database where jmsc_base is installed)::

    python3 bench/registry.py --db <db> [--count 10000] [--batch 1000] [--lookup-pool 100000]

Everything runs in one transaction that is rolled back at the end, so the database is left
unchanged. It measures:

1. creating ``count`` migrants (NIK, regency, mobile: validation, derived gender and birth
   date, E.164 mobile, stage history) in batches of ``batch`` against creating as many plain
   contacts the same way; goal: ratio <= 1.5;
2. looking up a NIK among ``lookup-pool`` partners with the ORM's own query, printing the
   ``EXPLAIN ANALYZE`` plan, which must use the index on ``res_partner.nik``.
"""

import argparse
import random
import sys
import time
from pathlib import Path

import odoo
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = Path(__file__).resolve().parent.parent


def make_nik(index):
    """A valid, unique NIK per index (Indramayu districts 01..99, serial 0001..9999)."""
    district, serial = divmod(index, 9999)
    day = 1 + index % 28 + (40 if index % 2 else 0)
    month = 1 + index % 12
    year = 70 + index % 30
    return f"3212{district + 1:02d}{day:02d}{month:02d}{year:02d}{serial + 1:04d}"


def timed_batches(model, vals_list, batch):
    started = time.perf_counter()
    for start in range(0, len(vals_list), batch):
        model.create(vals_list[start : start + batch])
        model.env.flush_all()
    return time.perf_counter() - started


def bench_create(env, count, batch):
    Partner = env["res.partner"].with_context(tracking_disable=True)
    regency = env.ref("jmsc_base.regency_3212")
    contacts = [{"name": f"Bench Contact {i}", "mobile": f"0812{i:08d}"} for i in range(count)]
    migrants = [
        {
            "name": f"Bench Migrant {i}",
            "is_migrant": True,
            "nik": make_nik(i),
            "regency_id": regency.id,
            "mobile": f"0813{i:08d}",
        }
        for i in range(count)
    ]
    # Warm up the caches of both paths on a small batch.
    Partner.create(contacts[:10])
    Partner.create([dict(m, nik=make_nik(count + 500_000 + n)) for n, m in enumerate(migrants[:10])])
    env.flush_all()
    plain = timed_batches(Partner, contacts, batch)
    registry = timed_batches(Partner, migrants, batch)
    ratio = registry / plain
    print(f"create {count} plain contacts in batches of {batch}: {plain:.2f}s")
    print(f"create {count} migrants in batches of {batch}:       {registry:.2f}s")
    print(f"ratio migrants / contacts: {ratio:.2f}x (goal <= 1.50x) {'OK' if ratio <= 1.5 else 'ABOVE GOAL'}")
    return ratio


def bench_lookup(env, pool):
    cr = env.cr
    existing = env["res.partner"].search_count([])
    missing = max(pool - existing, 0)
    # Bulk-fill the pool with SQL: the point is the size of the table, not the create path.
    cr.execute(
        """
        INSERT INTO res_partner (name, nik, is_migrant, active, type, create_date, write_date)
        SELECT 'Bench Pool ' || n, '3273' || lpad(n::text, 12, '0'), true, true, 'contact', now(), now()
          FROM generate_series(1, %s) AS n
        """,
        [missing],
    )
    cr.execute("ANALYZE res_partner")
    total = env["res.partner"].search_count([])
    target = "3273" + str(random.randint(1, max(missing, 1))).zfill(12)
    query = env["res.partner"]._search([("nik", "=", target)])
    sql = query.select()
    cr.execute(SQL("EXPLAIN ANALYZE %s", sql))
    plan = [row[0] for row in cr.fetchall()]
    print(f"\nNIK lookup among {total} partners (ORM query, EXPLAIN ANALYZE):")
    for line in plan:
        print(f"    {line}")
    uses_index = any("res_partner__nik_index" in line or "Index" in line and "nik" in line for line in plan)
    started = time.perf_counter()
    rounds = 1000
    Partner = env["res.partner"]
    for _ in range(rounds):
        Partner.search([("nik", "=", target)], limit=1)
    per_lookup = (time.perf_counter() - started) / rounds * 1000
    print(f"index on nik used: {'yes' if uses_index else 'NO'}; {per_lookup:.3f} ms per ORM lookup")
    return uses_index


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a database with jmsc_base installed; it is left unchanged")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--lookup-pool", type=int, default=100_000)
    parser.add_argument("--config", default=str(ROOT / "odoo.conf"))
    args = parser.parse_args()

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db])
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            ratio = bench_create(env, args.count, args.batch)
            uses_index = bench_lookup(env, args.lookup_pool)
        finally:
            cr.rollback()
    return 0 if ratio <= 1.5 and uses_index else 1


if __name__ == "__main__":
    sys.exit(main())

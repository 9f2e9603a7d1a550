"""Benchmark of the "who saw what" access log (jmsc_base). Not a test: it prints timings and ratios.

Usage (from the repository root, on a database where jmsc_base is installed; OCA auditlog too for its
column)::

    python3 bench/access_log.py --db <db> [--db-port 55432] [--count 200] [--page 80] [--rounds 20]

Everything runs in one transaction that is rolled back at the end, so the database is left unchanged.
A regency officer reads ``count`` migrants page by page (``page`` records a page, like the list view,
with NIK and KK columns) through ``web_read``, ``rounds`` times, the cache cleared before every page
as in a new request. It times the reads:

1. without any log (the lean log's field list emptied for the run);
2. with the lean log (jmsc.access.log: one line per record whose NIK/KK was read, names only);
3. with OCA auditlog (a rule logging reads of res.partner, "fast" type), when auditlog is installed
   (``audit-rounds`` rounds only: it is much slower; the ratio compares the time per page);

and prints the cost ratios against (1), the rows each page read adds, and whether the NIK values end
up in the log tables.
"""

import argparse
import sys
import time
from pathlib import Path

import odoo
from odoo.modules.registry import Registry

ROOT = Path(__file__).resolve().parent.parent


def make_nik(index):
    """A valid, unique NIK per index (Indramayu, serial 0001..9999)."""
    district, serial = divmod(index, 9999)
    day = 1 + index % 28
    month = 1 + index % 12
    return f"3212{district + 1:02d}{day:02d}{month:02d}85{serial + 1:04d}"


def time_reads(env, officer, ids, page, rounds):
    spec = {"name": {}, "nik": {}, "kk_number": {}, "mobile": {}, "regency_id": {"fields": {"display_name": {}}}}
    Partner = env["res.partner"].with_user(officer)
    started = time.perf_counter()
    for _round in range(rounds):
        for start in range(0, len(ids), page):
            env.invalidate_all()
            Partner.browse(ids[start : start + page]).web_read(spec)
            env.flush_all()
    return time.perf_counter() - started


def count_rows(env, table):
    env.cr.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names of this script
    return env.cr.fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a database with jmsc_base installed; it is left unchanged")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--page", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--audit-rounds", type=int, default=2, help="rounds with auditlog (about 50x slower)")
    parser.add_argument("--config", default=str(ROOT / "odoo.conf"))
    parser.add_argument("--db-port", help="PostgreSQL port, when not the configuration's")
    args = parser.parse_args()

    options = ["-c", args.config, "-d", args.db] + (["--db_port", args.db_port] if args.db_port else [])
    odoo.tools.config.parse_config(options)
    registry = Registry(args.db)
    from odoo.addons.jmsc_base.models import res_partner_access_log as lean  # noqa: PLC0415 (after the registry)

    sensitive = lean.SENSITIVE_PARTNER_FIELDS
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            regency = env.ref("jmsc_base.regency_3212")
            officer = env["res.users"].create(
                {
                    "name": "Bench Officer",
                    "login": "bench_access_log_officer",
                    "groups_id": [(6, 0, [env.ref("jmsc_base.group_jmsc_regency_officer").id])],
                    "jmsc_regency_ids": [(6, 0, regency.ids)],
                }
            )
            partners = env["res.partner"].create(
                [
                    {
                        "name": f"Bench Log Migrant {i}",
                        "is_migrant": True,
                        "nik": make_nik(i),
                        "kk_number": f"321201{i:010d}",
                        "regency_id": regency.id,
                    }
                    for i in range(args.count)
                ]
            )
            env.flush_all()
            ids = partners.ids
            pages = args.rounds * -(-len(ids) // args.page)
            time_reads(env, officer, ids, args.page, 2)  # warm-up

            lean.SENSITIVE_PARTNER_FIELDS = frozenset()
            base = time_reads(env, officer, ids, args.page, args.rounds)
            lean.SENSITIVE_PARTNER_FIELDS = sensitive
            before = count_rows(env, "jmsc_access_log")
            with_lean = time_reads(env, officer, ids, args.page, args.rounds)
            lean_rows = count_rows(env, "jmsc_access_log") - before
            cr.execute("SELECT count(*) FROM jmsc_access_log l WHERE l::text LIKE %s", [f"%{make_nik(0)}%"])
            lean_leaks = cr.fetchone()[0]
            print(f"{args.count} migrants, pages of {args.page}, {args.rounds} rounds: {pages} page reads")
            print(f"  no log          {base:7.3f}s  {1000 * base / pages:6.1f} ms/page")
            print(
                f"  lean log        {with_lean:7.3f}s  {1000 * with_lean / pages:6.1f} ms/page"
                f"  ratio {with_lean / base:4.2f}  rows/page {lean_rows / pages:6.1f}  NIK in log: {lean_leaks}"
            )
            if env["ir.module.module"].search_count([("name", "=", "auditlog"), ("state", "=", "installed")]):
                lean.SENSITIVE_PARTNER_FIELDS = frozenset()
                rule = env["auditlog.rule"].create(
                    {
                        "name": "bench res.partner reads",
                        "model_id": env.ref("base.model_res_partner").id,
                        "log_read": True,
                        "log_write": False,
                        "log_create": False,
                        "log_unlink": False,
                        "log_type": "fast",
                    }
                )
                rule.subscribe()
                before_logs = count_rows(env, "auditlog_log")
                before_lines = count_rows(env, "auditlog_log_line")
                with_audit = time_reads(env, officer, ids, args.page, args.audit_rounds)
                audit_pages = args.audit_rounds * -(-len(ids) // args.page)
                logs = count_rows(env, "auditlog_log") - before_logs
                lines = count_rows(env, "auditlog_log_line") - before_lines
                cr.execute("SELECT count(*) FROM auditlog_log_line l WHERE l::text LIKE %s", [f"%{make_nik(0)}%"])
                audit_leaks = cr.fetchone()[0]
                rule.unsubscribe()
                lean.SENSITIVE_PARTNER_FIELDS = sensitive
                print(
                    f"  OCA auditlog    {with_audit:7.3f}s  {1000 * with_audit / audit_pages:6.1f} ms/page"
                    f"  ratio {(with_audit / audit_pages) / (base / pages):4.2f}"
                    f"  rows/page {(logs + lines) / audit_pages:6.1f}"
                    f"  NIK in log: {audit_leaks}"
                )
            else:
                print("  OCA auditlog    not installed in this database: not measured")
        finally:
            lean.SENSITIVE_PARTNER_FIELDS = sensitive
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())

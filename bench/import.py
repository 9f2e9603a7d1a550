"""Benchmark of the bulk migrant import (jmsc_base): rows per second through the dry run and the apply.

Usage (from the repository root, on a database where jmsc_base is installed)::

    python3 bench/import.py --db <db> [--rows 2000] [--chunk 1000]     # PGHOST/PGPORT override odoo.conf
    python3 bench/import.py --db <db> --large                  # 10,000 then 100,000 rows (issue #15; minutes)
    python3 bench/import.py --db <db> --rows 10000 --profile   # cProfile of the dry run and the apply (also
                                                               # saved as /tmp/bench-import-*.prof)

For each size it builds a registry-template CSV of that many migrants (valid NIKs of Indramayu, mobile,
e-mail, every 10th with a passport) and, as a Regency Officer of Indramayu (record rules apply):

1. the dry run: reading the file, the set-based checks, the rows stored, the result XLSX;
2. the apply: the chunks queued as queue_job jobs, then performed one after another in this process as
   the job runner performs them (loaded by uuid, as the officer, each chunk in its savepoint, a fresh
   cache per job);

With ``--workers N`` the apply runs as in production instead: the dry run and the queueing are committed,
then N worker processes take the chunk jobs one by one (as queue_job's runner with a channel capacity of N,
one transaction per job), the closing job last; what the run created is deleted afterwards (SQL) and
committed. The server's own runner does not start these jobs (their date is set far ahead).

Everything is measured against the baseline measured in the same run: Odoo's own ``res.partner.load()``
(what the generic import calls) of the same rows into plain contacts (name, mobile, e-mail), as the
superuser. Goal: >= 1,000 migrants/s end to end. Without ``--workers`` everything is rolled back at the end.
"""

import argparse
import base64
import cProfile
import csv
import datetime
import io
import multiprocessing
import os
import pstats
import time
from pathlib import Path

import odoo
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

ROOT = Path(__file__).resolve().parent.parent


def make_nik(index):
    """A valid, unique NIK per index (Indramayu districts 01..30, serial 0001..9999)."""
    district, serial = divmod(index, 9999)
    day = 1 + index % 28 + (40 if index % 2 else 0)
    month = 1 + index % 12
    year = 70 + index % 30
    return f"3212{district % 30 + 1:02d}{day:02d}{month:02d}{year:02d}{serial + 1:04d}"


def make_rows(count, offset):
    rows = []
    for n in range(count):
        i = offset + n
        rows.append(
            {
                "Nama Lengkap": f"Bench Migran {i}",
                "NIK": make_nik(i),
                "No. HP": f"0813{i % 100_000_000:08d}",
                "Email": f"bench{i}@example.com",
                "Pendidikan": "SMA",
                "No. Paspor": f"B{i % 10_000_000:07d}" if i % 10 == 0 else "",
            }
        )
    return rows


def to_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def timed(env, label, func, profile):
    """Run ``func`` and return (seconds, queries); with ``profile``, print its 25 heaviest functions."""
    env.flush_all()
    queries = env.cr.sql_log_count
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    func()
    env.flush_all()
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    if profiler:
        path = f"/tmp/bench-import-{label.replace(' ', '-').replace('()', '')}.prof"
        profiler.dump_stats(path)
        print(f"\n--- profile of {label} (saved to {path}) ---")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return seconds, env.cr.sql_log_count - queries


def import_rows(env, officer, rows, chunk, profile):
    """Dry run then apply of ``rows`` as ``officer``: (run, dry seconds, dry queries, apply seconds, apply queries)."""
    Import = env["jmsc.migrant.import"].with_user(officer).with_context(tracking_disable=True)
    run = Import.create({"name": f"bench {len(rows)}", "file": base64.b64encode(to_csv(rows)), "filename": "bench.csv"})
    run.chunk_size = chunk
    dry_time, dry_queries = timed(env, "dry run", run.action_dry_run, profile)
    assert not run.count_invalid, run.line_ids.filtered("reasons")[:3].mapped("reasons")

    def apply():
        # Queue the chunks, then perform each job as the job runner does: loaded by uuid, as the officer,
        # with a fresh cache (one transaction per job in production; here one savepoint-isolated run each).
        run.action_apply()
        env.flush_all()
        query = SQL(
            "SELECT job_uuid FROM jmsc_migrant_import_line WHERE import_id = %s AND job_uuid IS NOT NULL"
            " GROUP BY job_uuid ORDER BY min(row_number)",
            run.id,
        )
        for (uuid,) in env.execute_query(query):
            job = Job.load(env, uuid)
            job.perform()
            job.set_done()
            job.store()
            env.flush_all()
            env.invalidate_all()

    apply_time, apply_queries = timed(env, "apply", apply, profile)
    assert run.state == "done", (run.state, run.last_error)
    return run, dry_time, dry_queries, apply_time, apply_queries


def worker(db, server, uuids, start, start_time, queue):
    """A worker process: performs chunk jobs of ``uuids`` (taken with SKIP LOCKED), one transaction each."""
    config.parse_config(["-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", db, *server])
    registry = Registry(db)
    done = retried = 0
    durations = []  # (started after the clock started, seconds) per chunk
    start.wait()
    while True:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            rows = env.execute_query(
                SQL(
                    "SELECT uuid FROM queue_job WHERE uuid = ANY(%s) AND state = 'pending' ORDER BY id"
                    " LIMIT 1 FOR UPDATE SKIP LOCKED",
                    uuids,
                )
            )
            if not rows:
                break
            job = Job.load(env, rows[0][0])
            began = time.perf_counter()
            try:
                with cr.savepoint():
                    job.perform()
            except RetryableJobError:
                retried += 1
                job.postpone(seconds=0)
                job.set_pending(reset_retry=False)
                job.store()
                cr.commit()
                continue
            job.set_done()
            job.store()
            env.flush_all()
            cr.commit()
            done += 1
            durations.append((began - start_time.value, time.perf_counter() - began))
    queue.put((done, retried, durations))


def apply_in_workers(env, run, workers, server):
    """The apply as in production: committed, N processes performing the chunk jobs, the closing job last."""
    run.action_apply()
    env.flush_all()
    uuids = [
        uuid
        for (uuid,) in env.execute_query(
            SQL(
                "SELECT DISTINCT job_uuid FROM jmsc_migrant_import_line WHERE import_id = %s AND job_uuid IS NOT NULL",
                run.id,
            )
        )
    ]
    closing = env.execute_query(
        SQL(
            "SELECT uuid FROM queue_job WHERE state = 'wait_dependencies' AND model_name = %s AND method_name = %s"
            " AND records::text LIKE %s",
            run._name,
            "_jmsc_close_run",
            f"%[{run.id}]%",
        )
    )
    # The server's runner (make run) leaves these jobs alone: their date is far ahead.
    env.cr.execute(
        SQL(
            "UPDATE queue_job SET eta = %s WHERE uuid = ANY(%s)",
            datetime.datetime(2999, 1, 1),
            uuids + [uuid for (uuid,) in closing],
        )
    )
    env.cr.commit()
    context = multiprocessing.get_context("spawn")
    start, start_time, queue = context.Event(), context.Value("d", 0.0), context.Queue()
    processes = [
        context.Process(target=worker, args=(env.cr.dbname, server, uuids, start, start_time, queue))
        for _n in range(workers)
    ]
    for process in processes:
        process.start()
    time.sleep(8)  # each process loads the registry before the clock starts
    started = time.perf_counter()
    start_time.value = started
    start.set()
    results = [queue.get() for _process in processes]
    for process in processes:
        process.join()
    for (uuid,) in env.execute_query(
        SQL("SELECT uuid FROM queue_job WHERE uuid = ANY(%s)", [uuid for (uuid,) in closing])
    ):
        job = Job.load(env, uuid)
        job.perform()
        job.set_done()
        job.store()
    env.flush_all()
    env.cr.commit()
    seconds = time.perf_counter() - started
    env.invalidate_all()
    chunks = sorted(duration for _done, _retried, durations in results for duration in durations)
    return seconds, sum(retried for _done, retried, _durations in results), [seconds for _at, seconds in chunks]


def cleanup(env, run, officer):
    """Delete what a committed run created (SQL, cascading to documents and stage history), then commit."""
    partners = [
        pid
        for (pid,) in env.execute_query(
            SQL(
                "SELECT partner_id FROM jmsc_migrant_import_line WHERE import_id = %s AND partner_id IS NOT NULL",
                run.id,
            )
        )
    ]
    jobs = [
        uuid
        for (uuid,) in env.execute_query(
            SQL(
                "SELECT uuid FROM queue_job WHERE records::text LIKE %s AND model_name = %s", f"%[{run.id}]%", run._name
            )
        )
    ]
    env.cr.execute(SQL("DELETE FROM queue_job WHERE uuid = ANY(%s)", jobs))
    env.cr.execute(SQL("DELETE FROM mail_message WHERE model = %s AND res_id = %s", run._name, run.id))
    env.cr.execute(SQL("DELETE FROM jmsc_migrant_import WHERE id = %s", run.id))
    # Their documents and stage history first: deleting a partner checks every table referring to it, and
    # partner_identification's res_partner_id_number.partner_issued_id has no index (a scan per partner).
    env.cr.execute(SQL("DELETE FROM res_partner_id_number WHERE partner_id = ANY(%s)", partners))
    env.cr.execute(SQL("DELETE FROM jmsc_stage_history WHERE partner_id = ANY(%s)", partners))
    env.cr.execute(SQL("DELETE FROM res_partner WHERE id = ANY(%s)", partners))
    officer_partner = officer.partner_id.id
    env.cr.execute(SQL("DELETE FROM res_users WHERE id = %s", officer.id))
    env.cr.execute(SQL("DELETE FROM res_partner WHERE id = %s", officer_partner))
    env.cr.commit()
    env.invalidate_all()


def bench_workers(env, count, chunk, offset, workers, server):
    """``count`` rows: load() baseline (rolled back), then dry run and apply committed with ``workers``."""
    rows = make_rows(count, offset)
    Partner = env["res.partner"].with_context(tracking_disable=True)
    data = [[r["Nama Lengkap"].replace("Migran", "Kontak"), r["No. HP"], r["Email"]] for r in rows]
    load_time, _queries = timed(env, "load()", lambda: Partner.load(["name", "mobile", "email"], data), False)
    env.cr.rollback()
    env.invalidate_all()
    officer = env["res.users"].create(
        {
            "name": f"Bench Officer {offset}",
            "login": f"bench.import.{offset}",
            "groups_id": [(6, 0, [env.ref("jmsc_base.group_jmsc_regency_officer").id])],
            "jmsc_regency_ids": [(6, 0, env.ref("jmsc_base.regency_3212").ids)],
        }
    )
    Import = env["jmsc.migrant.import"].with_user(officer).with_context(tracking_disable=True)
    run = Import.create({"name": f"bench {count}", "file": base64.b64encode(to_csv(rows)), "filename": "bench.csv"})
    run.chunk_size = chunk
    try:
        dry_time, _dq = timed(env, "dry run", run.action_dry_run, False)
        env.cr.commit()
        apply_time, retried, chunk_times = apply_in_workers(env, run, workers, server)
        assert run.state == "done" and run.count_applied == count, (run.state, run.count_applied, run.last_error)
        total = dry_time + apply_time
        print(f"\n{count} rows (chunks of {chunk}, {workers} worker processes, one transaction per job):")
        print(f"  baseline load() of plain contacts: {load_time:7.2f}s {count / load_time:8.0f} rows/s")
        for label, seconds, unit in (
            ("dry run (checks + result XLSX):", dry_time, "rows/s"),
            (f"apply ({workers} workers, committed):", apply_time, "rows/s"),
            ("end to end:", total, "migrants/s"),
        ):
            print(f"  {label:<33} {seconds:7.2f}s {count / seconds:8.0f} {unit:<10} {seconds / load_time:5.2f}x load()")
        print(f"  chunks retried (a concurrent chunk held the same NIK or lock): {retried}")
        tenth = max(1, len(chunk_times) // 10)
        print(
            f"  seconds per chunk job: first tenth {sum(chunk_times[:tenth]) / tenth:.2f},"
            f" last tenth {sum(chunk_times[-tenth:]) / tenth:.2f} (does a chunk cost more as the run grows?)"
        )
        print(f"  goal >= 1,000 migrants/s end to end: {'OK' if count / total >= 1000 else 'BELOW GOAL'}", flush=True)
    finally:
        env.cr.rollback()
        started = time.perf_counter()
        cleanup(env, run, officer)
        print(f"  (cleanup: what the run created deleted in {time.perf_counter() - started:.0f}s)")


def bench_size(env, count, chunk, offset, profile=False, updates=0):
    rows = make_rows(count, offset)
    officer = env["res.users"].create(
        {
            "name": f"Bench Officer {offset}",
            "login": f"bench.import.{offset}",
            "groups_id": [(6, 0, [env.ref("jmsc_base.group_jmsc_regency_officer").id])],
            "jmsc_regency_ids": [(6, 0, env.ref("jmsc_base.regency_3212").ids)],
        }
    )
    # Baseline: Odoo's load() of the same rows as plain contacts.
    Partner = env["res.partner"].with_context(tracking_disable=True)
    data = [[r["Nama Lengkap"].replace("Migran", "Kontak"), r["No. HP"], r["Email"]] for r in rows]
    result = {}

    def load():
        result.update(Partner.load(["name", "mobile", "email"], data))

    load_time, _queries = timed(env, "load()", load, False)
    assert not [m for m in result["messages"] if m.get("type") == "error"], result["messages"][:3]

    run, dry_time, dry_queries, apply_time, apply_queries = import_rows(env, officer, rows, chunk, profile)
    assert run.count_new == count and run.count_applied == count, (run.count_new, run.count_applied, run.last_error)
    total = dry_time + apply_time
    chunks = -(-count // chunk)
    print(f"\n{count} rows (chunks of {chunk}):")
    print(f"  baseline load() of plain contacts: {load_time:7.2f}s {count / load_time:8.0f} rows/s")
    for label, seconds, unit in (
        ("dry run (checks + result XLSX):", dry_time, "rows/s"),
        ("apply (chunks, as the jobs do):", apply_time, "rows/s"),
        ("end to end:", total, "migrants/s"),
    ):
        print(f"  {label:<33} {seconds:7.2f}s {count / seconds:8.0f} {unit:<10} {seconds / load_time:5.2f}x load()")
    print(
        f"  queries: dry run {dry_queries} ({dry_queries / chunks:.0f} per {chunk} rows),"
        f" apply {apply_queries} ({apply_queries / chunks:.0f} per chunk)"
    )
    print(f"  goal >= 1,000 migrants/s end to end: {'OK' if count / total >= 1000 else 'BELOW GOAL'}")
    if updates:
        # Updates of registered migrants stay on the ORM's write (tracking, guards): the same people, a new mobile.
        changed = [dict(row, **{"No. HP": "0857" + row["No. HP"][4:]}) for row in rows[:updates]]
        run, dry_time, _dq, apply_time, _aq = import_rows(env, officer, changed, chunk, False)
        assert run.count_update == len(changed) == run.count_applied, (run.count_update, run.count_applied)
        print(
            f"  updates ({len(changed)} rows, ORM write): dry run {len(changed) / dry_time:6.0f} rows/s,"
            f" apply {len(changed) / apply_time:6.0f} rows/s"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", default="2000", help="comma-separated sizes, e.g. 10000,100000")
    parser.add_argument("--large", action="store_true", help="the sizes of issue #15: 10,000 then 100,000 rows")
    parser.add_argument("--chunk", type=int, default=1000, help="rows per apply chunk (job; the wizard's default)")
    parser.add_argument("--updates", type=int, default=200, help="rows re-imported as updates after each size")
    parser.add_argument("--profile", action="store_true", help="print cProfile of the dry run and the apply")
    parser.add_argument(
        "--workers", type=int, default=0, help="apply in N processes, committed, as the job runner does (cleans up)"
    )
    args = parser.parse_args()
    server = ["--db_host", os.environ["PGHOST"]] if os.environ.get("PGHOST") else []
    server += ["--db_port", os.environ["PGPORT"]] if os.environ.get("PGPORT") else []
    config.parse_config(["-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", args.db, *server])
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        offset = 7_000_000
        sizes = "10000,100000" if args.large else args.rows
        for count in (int(size) for size in sizes.split(",")):
            if args.workers:
                bench_workers(env, count, args.chunk, offset, args.workers, server)
            else:
                bench_size(env, count, args.chunk, offset, args.profile, min(args.updates, count))
            offset += count
        cr.rollback()


if __name__ == "__main__":
    main()

"""Benchmark of the LTSA queue: 1,000 tickets issued and served in one day.

Usage (on a database with jmsc_ltsa installed, e.g. one kept by
`python3 tests/run_suite.py --modules jmsc_ltsa --keep-db`):

    python3 bench/ltsa.py --db <database> [--tickets 1000]

Prints the time per ticket issue (counter upsert + ticket) and per call-next
(SKIP LOCKED select + call) next to a baseline measured in the same run: creating
a bare `res.partner.category` record. Everything is rolled back at the end.
"""

import argparse
import time
import uuid
from pathlib import Path

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parents[1]


def timed(label, count, func):
    start = time.perf_counter()
    for index in range(count):
        func(index)
    elapsed = time.perf_counter() - start
    per_op = elapsed / count * 1000
    print(f"{label:<36} {count:>6} ops {elapsed:8.3f} s {per_op:8.3f} ms/op")
    return per_op


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--tickets", type=int, default=1000)
    args = parser.parse_args()
    config.parse_config(["-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", args.db])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        tag = uuid.uuid4().hex[:6]
        category = env["jmsc.ltsa.category"].create({"name": f"Bench {tag}", "prefix": "ZZ"})
        site = env["jmsc.ltsa.site"].create(
            {"name": f"Bench {tag}", "regency_id": env.ref("jmsc_base.regency_3212").id, "kiosk_mode": "public"}
        )
        desk = env["jmsc.ltsa.desk"].create(
            {"name": "Bench desk", "site_id": site.id, "desk_type": "manpower", "category_ids": [(6, 0, category.ids)]}
        )
        env.flush_all()
        count = args.tickets

        def bare(index):
            env["res.partner.category"].create({"name": f"bench {tag} {index}"})
            env.flush_all()

        def issue(index):
            site.issue_ticket(category.id, priority="elderly" if index % 10 == 0 else "none")
            env.flush_all()

        called_at = []

        def call_next(index):
            t0 = time.perf_counter()
            desk.action_call_next()
            env.flush_all()
            called_at.append(time.perf_counter() - t0)
            desk.action_start()
            desk.action_finish()
            env.flush_all()

        baseline = timed("baseline: bare record create", count, bare)
        per_issue = timed("issue ticket (kiosk)", count, issue)
        timed("call next + start + finish", count, call_next)
        per_call = sum(called_at) / len(called_at) * 1000
        print(f"{'call next alone':<36} {count:>6} ops {sum(called_at):8.3f} s {per_call:8.3f} ms/op")
        served = env["jmsc.ltsa.ticket"].search_count([("site_id", "=", site.id), ("state", "=", "done")])
        print(f"tickets served: {served} of {count}")
        print(f"ratio issue / baseline:     {per_issue / baseline:6.2f}")
        print(f"ratio call next / baseline: {per_call / baseline:6.2f}")
        cr.rollback()


if __name__ == "__main__":
    main()

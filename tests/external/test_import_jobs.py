# modules: jmsc_base
"""The migrant import through a real server, as `make run` serves it (threaded, queue_job runner in-process).

The demo Regency Officer of Indramayu uploads a registry file over JSON-RPC, runs the dry run, applies it,
and the server's own job runner (channel root.jmsc_import) imports the chunks, as the officer: the run
ends done, the migrants exist once each, every chunk's job is done; the same file applied again queues
nothing and changes nothing.
"""

import base64
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, odoo_server, parse_args, pg_connect  # noqa: E402

NIKS = [
    f"3212{district:02d}{day + 40:02d}0395{9000 + day:04d}"
    for district, day in ((1, 11), (2, 12), (3, 13), (4, 14), (5, 15))
]


def csv_file():
    lines = ["Nama Lengkap,NIK,No. HP"] + [f"Uji Impor {n},{nik},08139{n:07d}" for n, nik in enumerate(NIKS)]
    return base64.b64encode("\n".join(lines).encode()).decode()


def wait_done(officer, run_id, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = officer.execute("jmsc.migrant.import", "read", [run_id], ["state"])[0]["state"]
        if state in ("done", "failed"):
            return state
        time.sleep(2)
    return state


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, args.python, workers=0) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        officer = JsonRpcClient(url, args.db, "officer.indramayu", "officer.indramayu")
        run_id = officer.execute(
            "jmsc.migrant.import", "create", {"name": "uji", "file": csv_file(), "filename": "uji.csv", "chunk_size": 2}
        )
        officer.execute("jmsc.migrant.import", "action_dry_run", [run_id])
        counts = officer.execute("jmsc.migrant.import", "read", [run_id], ["count_new", "state"])[0]
        checks.check(
            "the dry run finds 5 new migrants", counts["count_new"] == 5 and counts["state"] == "checked", counts
        )
        officer.execute("jmsc.migrant.import", "action_apply", [run_id])
        state = wait_done(officer, run_id)
        checks.check("the server's job runner imports every chunk", state == "done", state)
        found = officer.execute("res.partner", "search_read", [("nik", "in", NIKS)], fields=["nik", "create_uid"])
        checks.check("each migrant once", sorted(r["nik"] for r in found) == sorted(NIKS), found)
        with pg_connect(args.db) as conn, conn.cursor() as cr:
            cr.execute(
                "SELECT j.state, j.channel, j.user_id FROM queue_job j WHERE j.uuid IN"
                " (SELECT job_uuid FROM jmsc_migrant_import_line WHERE import_id = %s)",
                [run_id],
            )
            jobs = cr.fetchall()
        checks.check(
            "3 jobs (chunks of 2) in channel root.jmsc_import, done, run as the officer",
            len(jobs) == 3 and all(s == "done" and c == "root.jmsc_import" and u == officer.uid for s, c, u in jobs),
            jobs,
        )
        again = officer.execute(
            "jmsc.migrant.import", "create", {"name": "uji 2", "file": csv_file(), "filename": "uji.csv"}
        )
        officer.execute("jmsc.migrant.import", "action_dry_run", [again])
        officer.execute("jmsc.migrant.import", "action_apply", [again])
        second = officer.execute("jmsc.migrant.import", "read", [again], ["state", "count_unchanged", "count_applied"])[
            0
        ]
        checks.check(
            "the same file again: 5 unchanged, nothing queued, done at once",
            second["state"] == "done" and second["count_unchanged"] == 5 and second["count_applied"] == 0,
            second,
        )
        admin.execute("res.partner", "unlink", [r["id"] for r in found])
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

# modules: jmsc_base
"""The migrant import through a real server, as `make run` serves it (threaded, queue_job runner in-process).

The demo Regency Officer of Indramayu uploads a registry file over JSON-RPC, runs the dry run, applies it,
and the server's own job runner (channel root.jmsc_import) imports the chunks, as the officer: the run
ends done, the migrants exist once each, every chunk's job is done; the same file applied again queues
nothing and changes nothing. Then two officers' imports of the same people (with and without NIK) are applied
at once and their chunks run side by side (channel capacity 2): each person exists once, both runs end done.
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


RACE_NIKS = [f"3212{district:02d}{day + 40:02d}0396{9100 + day:04d}" for district, day in ((6, 16), (7, 17), (8, 18))]
RACE_NO_NIK = [("Uji Balapan Tanpa NIK", "1987-03-04"), ("Uji Balapan Kedua", "1986-05-06")]


def race_file(phone_prefix):
    """The same people in two files (other mobiles): 3 with NIK, 2 without (name, birth date, regency)."""
    lines = ["Nama Lengkap,NIK,No. HP,Tanggal Lahir,Kabupaten/Kota,Jenis Kelamin"]
    lines += [f"Uji Balapan {n},{nik},{phone_prefix}{n:07d},,," for n, nik in enumerate(RACE_NIKS)]
    lines += [f"{name},,{phone_prefix}9{n:06d},{born},32.12,P" for n, (name, born) in enumerate(RACE_NO_NIK)]
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

        # Two imports of the same people, applied at once: chunks of one row each, side by side.
        runs = []
        for prefix, name in (("08131", "balapan a"), ("08132", "balapan b")):
            run = officer.execute(
                "jmsc.migrant.import",
                "create",
                {"name": name, "file": race_file(prefix), "filename": "b.csv", "chunk_size": 1},
            )
            officer.execute("jmsc.migrant.import", "action_dry_run", [run])
            runs.append(run)
        new_counts = officer.execute("jmsc.migrant.import", "read", runs, ["count_new"])
        checks.check("both dry runs see 5 new people", [r["count_new"] for r in new_counts] == [5, 5], new_counts)
        for run in runs:
            officer.execute("jmsc.migrant.import", "action_apply", [run])
        states = [wait_done(officer, run) for run in runs]
        checks.check("both racing imports end done", states == ["done", "done"], states)
        with_nik = officer.execute("res.partner", "search_read", [("nik", "in", RACE_NIKS)], fields=["nik"])
        checks.check("each person with NIK once", sorted(r["nik"] for r in with_nik) == sorted(RACE_NIKS), with_nik)
        without = officer.execute(
            "res.partner", "search_read", [("name", "in", [n for n, _b in RACE_NO_NIK])], fields=["name"]
        )
        checks.check("each person without NIK once", len(without) == len(RACE_NO_NIK), without)
        lines = officer.execute(
            "jmsc.migrant.import.line", "search_read", [("import_id", "in", runs)], fields=["applied", "status"]
        )
        # A row without NIK of the later run finds the person the other run created (name and birth date): it is
        # applied as unchanged or an update, or waits as ambiguous for the officer; never a second person.
        checks.check(
            "every row applied or left to the officer as ambiguous",
            all(line["applied"] or line["status"] == "ambiguous" for line in lines)
            and sum(line["applied"] for line in lines) >= 8,
            lines,
        )
        admin.execute("res.partner", "unlink", [r["id"] for r in with_nik + without])
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the migrant list and form over JSON-RPC, as a Regency Officer, on a server with 2 workers.

Usage (from the repository root, on a database with jmsc_base and its demo data, e.g. one kept by
`python3 tests/run_suite.py --modules jmsc_base --keep-db`)::

    python3 bench/rpc.py --db <db> [--seconds 20] [--clients 4] [--login officer.indramayu]

It starts its own Odoo server (2 HTTP workers, loopback, odoo.conf; PGHOST/PGPORT override it), logs in
through /web/session/authenticate as the officer (record rules of the regency apply) and runs ``clients``
parallel browser-like clients for ``seconds``. Each request is what the web client sends:

- the list: ``web_search_read`` of the migrant list view (action domain, first 80 rows, the list's fields);
- the form: ``web_read`` of one migrant with the form view's fields (one of the first 80, in turn).

Baseline in the same run: ``web_search_read`` of 80 countries (``res.country``, no record rule) over the
same path and session. Prints requests/s and p50/p95 latency of each, and the ratios to the baseline.
Goal: >= 30 req/s at p50 < 100 ms. It writes nothing.
"""

import argparse
import re
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "external"))

from harness import WebSession, odoo_server  # noqa: E402

FIELD = re.compile(r'<field name="([a-z_0-9]+)"')


def view_fields(session, model, view_type, action):
    views = session.call_kw(model, "get_views", [[[False, view_type]]], {"options": {"action_id": action}})
    arch = views["views"][view_type]["arch"]
    known = views["models"][model]["fields"]
    names = []
    for name in FIELD.findall(arch):
        if name in known and name not in names and known[name]["type"] not in ("one2many", "many2many"):
            names.append(name)
    return names


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def run_clients(sessions, seconds, make_request):
    """Each logged-in session in its own thread for ``seconds`` (logins are not timed)."""
    latencies, errors = [], []
    lock = threading.Lock()
    clients = len(sessions)
    deadline = time.perf_counter() + seconds

    def client(number):
        session = sessions[number]
        turn = number
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                make_request(session, turn)
            except Exception as err:  # noqa: BLE001 - a benchmark counts failures, it does not stop
                with lock:
                    errors.append(str(err))
                continue
            with lock:
                latencies.append(time.perf_counter() - started)
            turn += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def report(label, latencies, errors, elapsed):
    if not latencies:
        raise SystemExit(f"{label}: every request failed; first error: {errors[0] if errors else '-'}")
    rate = len(latencies) / elapsed
    p50, p95 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.95) * 1000
    count = len(latencies)
    print(f"{label:<34} {count:>6} req {rate:7.1f} req/s  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  errors {len(errors)}")
    if errors:
        print(f"  first error: {errors[0][:200]}")
    return rate, p50, p95


@contextmanager
def server(db):
    with odoo_server(db, workers=2, extra_args=("--log-level", "warn")) as url:
        yield url


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, default=15, help="duration of each of the three runs")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--login", default="officer.indramayu")
    parser.add_argument("--password", help="defaults to the login (demo users)")
    args = parser.parse_args()
    password = args.password or args.login
    with server(args.db) as url:
        session = WebSession(url)
        session.authenticate(args.db, args.login, password)
        action_id = session.request("/web/action/load", {"action_id": "jmsc_base.res_partner_action_migrant"})["id"]
        domain = [("is_migrant", "=", True)]
        list_fields = view_fields(session, "res.partner", "list", action_id)
        form_fields = view_fields(session, "res.partner", "form", action_id)
        rows = session.call_kw("res.partner", "web_search_read", [domain], {"specification": {"id": {}}, "limit": 80})[
            "records"
        ]
        if not rows:
            raise SystemExit(f"{args.login} sees no migrant in {args.db}: use a database with demo data")
        ids = [row["id"] for row in rows]
        list_spec = {name: {} for name in list_fields}
        form_spec = {name: {} for name in form_fields}
        print(
            f"{args.login}: {len(ids)} migrants in the first page; list {len(list_fields)} fields, "
            f"form {len(form_fields)} fields; {args.clients} clients x {args.seconds:.0f}s, server with 2 workers"
        )

        def baseline(client, _turn):
            client.call_kw(
                "res.country", "web_search_read", [[]], {"specification": {"name": {}, "code": {}}, "limit": 80}
            )

        def migrant_list(client, _turn):
            client.call_kw(
                "res.partner",
                "web_search_read",
                [domain],
                {"specification": list_spec, "limit": 80, "count_limit": 10001},
            )

        def migrant_form(client, turn):
            client.call_kw("res.partner", "web_read", [[ids[turn % len(ids)]]], {"specification": form_spec})

        sessions = []
        for _n in range(args.clients):
            sessions.append(WebSession(url))
            sessions[-1].authenticate(args.db, args.login, password)
        for make_request in (baseline, migrant_list, migrant_form):  # warm the workers' caches
            for turn, client in enumerate(sessions):
                make_request(client, turn)
        base = report("baseline: 80 countries", *run_clients(sessions, args.seconds, baseline))
        lst = report("migrant list (80 rows)", *run_clients(sessions, args.seconds, migrant_list))
        frm = report("migrant form", *run_clients(sessions, args.seconds, migrant_form))
        for label, (rate, p50, _p95) in (("list", lst), ("form", frm)):
            ok = rate >= 30 and p50 < 100
            print(
                f"{label}: {rate / base[0]:.2f}x the baseline's req/s, p50 {p50 / base[1]:.2f}x the baseline's; "
                f"goal >= 30 req/s at p50 < 100 ms: {'OK' if ok else 'BELOW GOAL'}"
            )


if __name__ == "__main__":
    main()

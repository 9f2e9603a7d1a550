"""Benchmark of the migrant list and form over JSON-RPC, as a Regency Officer, on a server with 2 workers.

Usage (from the repository root, on a database with jmsc_base and its demo data, e.g. one kept by
`python3 tests/run_suite.py --modules jmsc_base --keep-db`)::

    python3 bench/rpc.py --db <db> [--seconds 8] [--clients 4] [--login officer.indramayu] [--seed 67]

It starts its own Odoo server (2 HTTP workers, loopback, odoo.conf; PGHOST/PGPORT override it), logs in
through /web/session/authenticate as the officer (record rules of the regency apply) and runs ``clients``
parallel browser-like clients for ``seconds``. Each request is what the web client sends, with the
specification it builds from the migrant action's own views (addons/jmsc_base/tools/web_spec.py, which the
query-count tests of jmsc_base share), ``bin_size`` in the context:

- the list: ``web_search_read`` of the migrant list view (action domain, first 80 rows, the count);
- the form: ``web_read`` of one migrant with the form view's fields and its x2many lists (one of the first
  80, in turn).

Baselines in the same run, over the same path: admin reading plain contacts with the Contacts app's own list
and form views (the ratios are against these), and 80 countries (the floor of a JSON-RPC request). Prints
requests/s and p50/p95 latency of each. Goal: >= 30 req/s at p50 < 100 ms. It writes nothing, except with
``--seed N``: N migrants are first created (once) in the officer's regency, so that the first page has 80 rows
(the demo data gives Indramayu 13).
"""

import argparse
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "external"))

sys.path.insert(0, str(ROOT / "addons" / "jmsc_base" / "tools"))

from harness import WebSession, odoo_server  # noqa: E402
from web_spec import web_specification  # noqa: E402  (shared with jmsc_base's query-count tests)


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


def form_and_list_specs(session, model, action_xmlid):
    """(action id, list spec, form spec): get_views of the action's own views, as the web client asks."""
    action = session.request("/web/action/load", {"action_id": action_xmlid})
    views = [[view_id, view_type] for view_id, view_type in action["views"] if view_type in ("list", "form")]
    answer = session.call_kw(model, "get_views", [], {"views": views, "options": {"action_id": action["id"]}})
    return action, web_specification(answer, model, "list"), web_specification(answer, model, "form")


def seed_migrants(url, db, count, login):
    """Create ``count`` migrants (once) in the first regency of ``login``, as admin: a first page of 80."""
    admin = WebSession(url)
    admin.authenticate(db, "admin", "admin")
    user = admin.call_kw("res.users", "search_read", [[("login", "=", login)]], {"fields": ["jmsc_regency_ids"]})
    regency = admin.call_kw("jmsc.regency", "read", [user[0]["jmsc_regency_ids"][:1], ["code"]])[0]
    region = regency["code"].replace(".", "")
    districts = admin.call_kw(
        "jmsc.district", "search_read", [[("regency_id", "=", regency["id"])]], {"fields": ["code"], "limit": 1}
    )
    district = districts[0]["code"].replace(".", "")[-2:] if districts else "01"
    done = admin.call_kw("res.partner", "search_count", [[("name", "=like", "Bench RPC %")]])
    vals = [
        {
            "name": f"Bench RPC {i:05d}",
            "is_migrant": True,
            "regency_id": regency["id"],
            "nik": f"{region}{district}{1 + i % 28 + (40 if i % 2 else 0):02d}{1 + i % 12:02d}9{i % 10}{9000 + i:04d}",
        }
        for i in range(done, count)
    ]
    if vals:
        admin.call_kw("res.partner", "create", [vals])
    print(f"seed: {len(vals)} migrants created in {regency['code']} ({done} were there)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, default=8, help="duration of each of the five runs")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--login", default="officer.indramayu")
    parser.add_argument("--password", help="defaults to the login (demo users)")
    parser.add_argument("--admin-password", default="admin", help="for the baseline (plain contacts as admin)")
    parser.add_argument("--seed", type=int, default=0, help="first create this many migrants (writes!)")
    args = parser.parse_args()
    password = args.password or args.login
    with server(args.db) as url:
        if args.seed:
            seed_migrants(url, args.db, args.seed, args.login)
        session = WebSession(url)
        user = session.authenticate(args.db, args.login, password)
        context = {**user["user_context"], "bin_size": True}
        action, list_spec, form_spec = form_and_list_specs(
            session, "res.partner", "jmsc_base.res_partner_action_migrant"
        )
        domain = action["domain"]
        if isinstance(domain, str):
            domain = [("is_migrant", "=", True)]
        rows = session.call_kw("res.partner", "web_search_read", [domain], {"specification": {}, "limit": 80})
        ids = [row["id"] for row in rows["records"]]
        if not ids:
            raise SystemExit(f"{args.login} sees no migrant in {args.db}: use a database with demo data")

        admin = WebSession(url)
        admin_user = admin.authenticate(args.db, "admin", args.admin_password)
        admin_context = {**admin_user["user_context"], "bin_size": True}
        _action, contact_list_spec, contact_form_spec = form_and_list_specs(
            admin, "res.partner", "contacts.action_contacts"
        )
        contact_domain = [("is_migrant", "=", False), ("jmsc_is_relative", "=", False)]
        contacts = admin.call_kw("res.partner", "search", [contact_domain], {"limit": 80})
        print(
            f"{args.login}: {len(ids)} migrants in the first page; list {len(list_spec)} fields, form {len(form_spec)} "
            f"fields (and x2many lists); baseline: admin reads {len(contacts)} plain contacts "
            f"(list {len(contact_list_spec)}, form {len(contact_form_spec)} fields); "
            f"{args.clients} clients x {args.seconds:.0f}s, server with 2 workers"
        )

        def read_list(spec, dom, ctx):
            def request(client, _turn):
                client.call_kw(
                    "res.partner",
                    "web_search_read",
                    [dom],
                    {"specification": spec, "limit": 80, "count_limit": 10001, "context": ctx},
                )

            return request

        def read_form(spec, record_ids, ctx):
            def request(client, turn):
                client.call_kw(
                    "res.partner",
                    "web_read",
                    [[record_ids[turn % len(record_ids)]]],
                    {"specification": spec, "context": ctx},
                )

            return request

        def countries(client, _turn):
            client.call_kw(
                "res.country", "web_search_read", [[]], {"specification": {"name": {}, "code": {}}, "limit": 80}
            )

        def sessions_of(login, secret):
            clients = []
            for _n in range(args.clients):
                clients.append(WebSession(url))
                clients[-1].authenticate(args.db, login, secret)
            return clients

        officers, admins = sessions_of(args.login, password), sessions_of("admin", args.admin_password)
        runs = [
            ("floor: 80 countries (officer)", officers, countries),
            (
                f"baseline: contact list ({len(contacts)}, admin)",
                admins,
                read_list(contact_list_spec, contact_domain, admin_context),
            ),
            ("baseline: contact form (admin)", admins, read_form(contact_form_spec, contacts, admin_context)),
            (f"migrant list ({len(ids)} rows, officer)", officers, read_list(list_spec, domain, context)),
            ("migrant form (officer)", officers, read_form(form_spec, ids, context)),
        ]
        for _label, clients, make_request in runs:  # warm the workers' caches
            for turn, client in enumerate(clients):
                make_request(client, turn)
        results = [report(label, *run_clients(clients, args.seconds, make)) for label, clients, make in runs]
        _floor, base_list, base_form, lst, frm = results
        for label, (rate, p50, _p95), (base_rate, base_p50, _bp95) in (
            ("list", lst, base_list),
            ("form", frm, base_form),
        ):
            ok = rate >= 30 and p50 < 100
            print(
                f"migrant {label}: {rate / base_rate:.2f}x the contact {label}'s req/s, p50 {p50 / base_p50:.2f}x; "
                f"goal >= 30 req/s at p50 < 100 ms: {'OK' if ok else 'BELOW GOAL'}"
            )


if __name__ == "__main__":
    main()

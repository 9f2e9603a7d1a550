"""Benchmark of the cooperative savings ledger (jmsc_cooperative).

Usage (on a database with jmsc_cooperative installed, e.g. the one `make run` creates):

    python3 bench/savings.py --db jmsc                      # 5,000 postings, 10,000-line statement
    python3 bench/savings.py --db jmsc --postings 100000    # the issue's size
    python3 bench/savings.py --db jmsc --realistic          # 1,000 accounts, 8 JSON-RPC clients, 2 workers
    python3 bench/savings.py --db jmsc --lean-html          # also: the lean HTML layout through wkhtmltopdf

Default mode (in process) prints:
- posting throughput through the posting service (`jmsc.coop.account._post`: row lock, checks,
  running balance) against inserting as many rows, one `create` each, into a bare model without
  logic (`jmsc.coop.shu.line`), and the ratio of the two: both measured in the same run, alternated
  in 20 rounds, so that the load of a shared machine weighs on both alike;
- the time to render a statement of `--lines` lines as XLSX and as PDF (reportlab); with
  `--lean-html`, the same lines as a lean HTML table (no Bootstrap, one table) through wkhtmltopdf,
  the best a QWeb layout could do.
Everything runs in one transaction that is rolled back: the database is left unchanged.

Realistic mode (`--realistic`): `--accounts` accounts (1,000) in a new cooperative, then a server with
2 workers and `--clients` (8) parallel JSON-RPC clients, each committing `--rpc-postings` postings one
by one through `post_transaction` (random accounts, deposits and withdrawals, an idempotency key each);
and as many bare `create` calls over the same RPC path (the statement wizard: three fields, no
logic), alternated in 4 rounds so that both see the same load. Prints postings/s and p50/p95 latency
for both, their ratio, and the ledger invariants afterwards (balances, running balances,
gap-free numbers). This mode COMMITS its cooperative (transactions are immutable): use a scratch
database (e.g. a copy: `createdb -T jmsc jmsc_bench`).
"""

import argparse
import random
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1000
ROUNDS = 20  # in-process: posting and baseline alternate in rounds
ROUNDS_RPC = 4  # realistic mode


def setup(env, stamp):
    coop_type = env.ref("jmsc_base.agency_type_cooperative")
    coop = env["res.partner"].create(
        {"name": f"Koperasi Bench {stamp}", "is_company": True, "agency_type_id": coop_type.id}
    )
    product = env["jmsc.coop.product"].create(
        {
            "name": "Simpanan Sukarela",
            "code": "SS",
            "cooperative_id": coop.id,
            "kind": "sukarela",
            "allow_withdrawal": True,
        }
    )
    partners = env["res.partner"].create([{"name": f"Bench Member {i}"} for i in range(3)])
    members = env["jmsc.coop.member"].create([{"partner_id": p.id, "cooperative_id": coop.id} for p in partners])
    return coop, product, members.account_ids


def bench_interleaved(env, account, baseline_run, bare_account, count, rounds=ROUNDS):
    """Postings through the posting service and bare creates, alternated in `rounds` rounds (which
    goes first alternates too), so that both see the same load of a shared machine: the baseline is
    measured in the same run, at the same time. Returns (posting seconds, bare create seconds, count)."""
    Line = env["jmsc.coop.shu.line"]
    times = {"posting": 0.0, "bare": 0.0}
    per_round = max(1, count // rounds)
    done = 0

    def postings(first):
        for index in range(first, first + per_round):
            if index % 3 == 2:
                account._post("withdrawal", 1000, idempotency_key=f"bench-{index}")
            else:
                account._post("deposit", 2000, idempotency_key=f"bench-{index}")

    def bare_creates(first):
        for index in range(first, first + per_round):
            Line.create(
                {
                    "run_id": baseline_run.id,
                    "member_id": bare_account.member_id.id,
                    "account_id": bare_account.id,
                    "basis": index,
                    "share": 2000 if index % 3 != 2 else -1000,
                }
            )

    for round_number in range(rounds):
        order = [("posting", postings), ("bare", bare_creates)]
        for label, run in order if round_number % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            run(done)
            env.flush_all()
            times[label] += time.perf_counter() - started
        env.invalidate_all()
        done += per_round
    return times["posting"], times["bare"], done


def bench_lean_html(env, account, lines):
    """The statement's lines as the leanest HTML a QWeb layout could produce, through wkhtmltopdf."""
    statement = account._statement(odoo.fields.Date.context_today(account), odoo.fields.Date.context_today(account))
    rows = "".join(
        f"<tr><td>{line.value_date}</td><td>{line.name}</td><td>{line.transaction_type}</td>"
        f"<td>{line.reference or ''}</td><td class='r'>{line.amount:,.2f}</td>"
        f"<td class='r'>{line.running_balance:,.2f}</td></tr>"
        for line in statement["lines"]
    )
    html = (
        "<html><head><meta charset='utf-8'/><style>body{font:8pt sans-serif}td.r{text-align:right}"
        "table{width:100%;border-collapse:collapse}</style></head><body>"
        f"<h3>{account.name}</h3><table><thead><tr><th>Date</th><th>Number</th><th>Type</th><th>Reference</th>"
        f"<th>Amount</th><th>Balance</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
    )
    started = time.perf_counter()
    pdf = env["ir.actions.report"]._run_wkhtmltopdf([html])
    return time.perf_counter() - started, len(pdf), len(statement["lines"])


def bench_statement(env, account, lines):
    for index in range(lines):
        account._post("deposit", 1000 + index % 7)
        if index % BATCH == BATCH - 1:
            env.invalidate_all()
    today = odoo.fields.Date.context_today(account)
    data = {"date_from": odoo.fields.Date.to_string(today), "date_to": odoo.fields.Date.to_string(today)}
    Report = env["ir.actions.report"].with_context(force_report_rendering=True)
    started = time.perf_counter()
    xlsx, _kind = Report._render("jmsc_cooperative.action_report_statement_xlsx", account.ids, data=data)
    xlsx_time = time.perf_counter() - started
    started = time.perf_counter()
    pdf, _kind = Report._render_qweb_pdf("jmsc_cooperative.action_report_statement", account.ids, data=data)
    pdf_time = time.perf_counter() - started
    return xlsx_time, len(xlsx), pdf_time, len(pdf)


# Realistic mode -------------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else 0.0


def realistic_setup(registry, count, stamp):
    """A cooperative with `count` members (one Simpanan Sukarela account each, funded), committed."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        coop, product, _accounts = setup(env, stamp)
        partners = env["res.partner"].create([{"name": f"Bench Member {stamp}-{i}"} for i in range(count)])
        members = env["jmsc.coop.member"].create([{"partner_id": p.id, "cooperative_id": coop.id} for p in partners])
        accounts = members.account_ids.filtered(lambda a: a.product_id == product)
        for account in accounts:
            account._post("deposit", 1_000_000, idempotency_key=f"seed-{stamp}-{account.id}")
        run = env["jmsc.coop.shu.run"].create(
            {"cooperative_id": coop.id, "year": 1900, "amount": 1, "rule": "contributions", "product_id": product.id}
        )
        cr.commit()
        return coop.id, accounts.ids, run.id, accounts[0].member_id.id


def realistic_run(clients, calls_per_client, call, first):
    """Each client (its own JSON-RPC connection, one thread) makes `calls_per_client` calls numbered
    from `first`; returns the elapsed time, the latencies and the errors."""
    latencies, errors, lock = [], [], threading.Lock()

    def client(number):
        rpc = clients[number]
        rng = random.Random(f"{number}-{first}")
        for index in range(first, first + calls_per_client):
            started = time.perf_counter()
            try:
                call(rpc, rng, number, index)
            except Exception as error:  # noqa: BLE001 - counted and printed
                with lock:
                    errors.append(str(error)[:200])
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        list(pool.map(client, range(len(clients))))
    return time.perf_counter() - started, latencies, errors


def realistic(args):
    sys.path.insert(0, str(ROOT / "tests" / "external"))
    from harness import JsonRpcClient, odoo_server  # noqa: PLC0415

    stamp = int(time.time())
    registry = odoo.modules.registry.Registry(args.db)
    coop_id, account_ids, _run_id, _member_id = realistic_setup(registry, args.accounts, stamp)
    print(f"setup: cooperative {coop_id} with {len(account_ids)} funded accounts")

    def post(rpc, rng, client, index):
        account_id = rng.choice(account_ids)
        kind, amount = ("withdrawal", 1000) if index % 3 == 2 else ("deposit", 2000)
        key = f"rt-{stamp}-{client}-{index}"
        for attempt in range(8):  # a retry with the same key is what the key is for
            try:
                return rpc.execute(
                    "jmsc.coop.account", "post_transaction", [account_id], kind, amount, idempotency_key=key
                )
            except Exception as error:  # noqa: BLE001
                if "serializ" not in str(error).lower() and "concurrent" not in str(error).lower():
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise RuntimeError(f"posting {key} kept failing")

    def bare(rpc, rng, client, index):
        # the smallest model a user may create over RPC: the statement wizard (three fields, no hook)
        account_id = rng.choice(account_ids)
        return rpc.execute(
            "jmsc.coop.statement.wizard",
            "create",
            {"account_id": account_id, "date_from": "2026-01-01", "date_to": "2026-01-31"},
        )

    results = {"bare": [0.0, [], []], "posting": [0.0, [], []]}
    per_round = max(1, args.rpc_postings // ROUNDS_RPC)
    with odoo_server(args.db, workers=2) as url:
        clients = [JsonRpcClient(url, args.db, args.login, args.password) for _client in range(args.clients)]
        # alternated rounds (which goes first alternates too): the baseline sees the same load
        for round_number in range(ROUNDS_RPC):
            order = [("bare", bare), ("posting", post)]
            for label, call in order if round_number % 2 == 0 else order[::-1]:
                elapsed, latencies, errors = realistic_run(clients, per_round, call, round_number * per_round)
                results[label][0] += elapsed
                results[label][1].extend(latencies)
                results[label][2].extend(errors)
    (bare_time, bare_lat, bare_err), (post_time, post_lat, post_err) = results["bare"], results["posting"]
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        problems = env["jmsc.coop.account"].browse(account_ids)._check_ledger()
        cr.execute(
            "SELECT COUNT(*), COUNT(DISTINCT name), MIN(substring(name from '[0-9]+$')::int),"
            " MAX(substring(name from '[0-9]+$')::int) FROM jmsc_coop_transaction WHERE cooperative_id = %s",
            (coop_id,),
        )
        count, distinct, low, high = cr.fetchone()
        cr.rollback()
    total = args.clients * per_round * ROUNDS_RPC
    for label, elapsed, lat, errors in (
        ("bare create", bare_time, bare_lat, bare_err),
        ("posting", post_time, post_lat, post_err),
    ):
        print(
            f"{label}: {len(lat)}/{total} calls from {args.clients} clients in {elapsed:.1f}s "
            f"({len(lat) / elapsed:.0f}/s), p50 {percentile(lat, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(lat, 0.95) * 1000:.0f} ms" + (f", {len(errors)} errors: {errors[:2]}" if errors else "")
        )
    if post_lat and bare_lat:
        print(
            f"ratio: bare creates/s over postings/s {len(bare_lat) / bare_time / (len(post_lat) / post_time):.2f}x; "
            f"p50 {statistics.median(post_lat) / statistics.median(bare_lat):.2f}x, "
            f"p95 {percentile(post_lat, 0.95) / percentile(bare_lat, 0.95):.2f}x"
        )
    gap_free = count == distinct == (high - low + 1 if count else 0)
    print(f"ledger check after the run: {'consistent' if not problems else problems[:3]}; "
          f"{count} numbers, {'gap-free' if gap_free else 'GAPS OR DUPLICATES'}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--postings", type=int, default=5_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--lean-html", action="store_true", help="also time the lean HTML layout (wkhtmltopdf)")
    parser.add_argument("--realistic", action="store_true", help="JSON-RPC clients against a 2-worker server")
    parser.add_argument("--accounts", type=int, default=1_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rpc-postings", type=int, default=50, help="postings per client (realistic mode)")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--db_port", default=None)
    args = parser.parse_args()
    options = ["-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", args.db]
    if args.db_port:
        options += ["--db_port", args.db_port]
    config.parse_config(options)
    if args.realistic:
        realistic(args)
        return
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        coop, product, accounts = setup(env, int(time.time()))
        baseline_run = env["jmsc.coop.shu.run"].create(
            {"cooperative_id": coop.id, "year": 1900, "amount": 1, "rule": "contributions", "product_id": product.id}
        )
        post_time, bare_time, count = bench_interleaved(env, accounts[0], baseline_run, accounts[1], args.postings)
        problems = accounts[0]._check_ledger()
        xlsx_time, xlsx_size, pdf_time, pdf_size = bench_statement(env, accounts[2], args.lines)
        lean = bench_lean_html(env, accounts[2], args.lines) if args.lean_html else None
        cr.rollback()
    print(f"postings: {count} through the posting service in {post_time:.1f}s ({count / post_time:.0f}/s)")
    print(
        f"baseline (same run, alternated in {ROUNDS} rounds): {count} plain ORM creates of a bare model "
        f"in {bare_time:.1f}s ({count / bare_time:.0f}/s)"
    )
    print(f"ratio: posting takes {post_time / bare_time:.2f}x the time of a bare create")
    print(f"ledger check after the run: {'consistent' if not problems else problems[:3]}")
    print(
        f"statement of {args.lines} lines: XLSX {xlsx_time:.2f}s ({xlsx_size} bytes), "
        f"PDF {pdf_time:.2f}s ({pdf_size} bytes)"
    )
    if lean:
        print(f"lean HTML through wkhtmltopdf, {lean[2]} lines: {lean[0]:.2f}s ({lean[1]} bytes)")


if __name__ == "__main__":
    main()

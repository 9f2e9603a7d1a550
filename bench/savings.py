"""Benchmark of the cooperative savings ledger (jmsc_cooperative).

Usage (on a database with jmsc_cooperative installed, e.g. the one `make run` creates):

    python3 bench/savings.py --db jmsc                      # 100,000 postings, 10,000-line statement
    python3 bench/savings.py --db jmsc --postings 5000 --lines 1000   # a quicker run

It prints:
- posting throughput through the posting service (`jmsc.coop.account._post`: row lock, checks,
  running balance) against inserting as many rows, one `create` each, into a bare model without
  logic (`jmsc.coop.shu.line`), and the ratio of the two;
- the time to render a statement of `--lines` lines as XLSX and as PDF.

Everything runs in one transaction that is rolled back: the database is left unchanged.
"""

import argparse
import time
from pathlib import Path

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1000


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


def bench_postings(env, account, count):
    started = time.perf_counter()
    for index in range(count):
        if index % 3 == 2:
            account._post("withdrawal", 1000, idempotency_key=f"bench-{index}")
        else:
            account._post("deposit", 2000, idempotency_key=f"bench-{index}")
        if index % BATCH == BATCH - 1:
            env.invalidate_all()
    env.flush_all()
    return time.perf_counter() - started


def bench_bare_creates(env, baseline_run, member, account, count):
    Line = env["jmsc.coop.shu.line"]
    started = time.perf_counter()
    for index in range(count):
        Line.create(
            {
                "run_id": baseline_run.id,
                "member_id": member.id,
                "account_id": account.id,
                "basis": index,
                "share": 2000 if index % 3 != 2 else -1000,
            }
        )
        if index % BATCH == BATCH - 1:
            env.invalidate_all()
    env.flush_all()
    return time.perf_counter() - started


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    args = parser.parse_args()
    config.parse_config(["-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", args.db])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        coop, product, accounts = setup(env, int(time.time()))
        baseline_run = env["jmsc.coop.shu.run"].create(
            {"cooperative_id": coop.id, "year": 1900, "amount": 1, "rule": "contributions", "product_id": product.id}
        )
        post_time = bench_postings(env, accounts[0], args.postings)
        bare_time = bench_bare_creates(env, baseline_run, accounts[1].member_id, accounts[1], args.postings)
        problems = accounts[0]._check_ledger()
        xlsx_time, xlsx_size, pdf_time, pdf_size = bench_statement(env, accounts[2], args.lines)
        cr.rollback()
    print(
        f"postings: {args.postings} through the posting service in {post_time:.1f}s ({args.postings / post_time:.0f}/s)"
    )
    print(
        f"baseline: {args.postings} plain ORM creates of a bare model in {bare_time:.1f}s "
        f"({args.postings / bare_time:.0f}/s)"
    )
    print(f"ratio: posting takes {post_time / bare_time:.2f}x the time of a bare create")
    print(f"ledger check after the run: {'consistent' if not problems else problems[:3]}")
    print(
        f"statement of {args.lines} lines: XLSX {xlsx_time:.2f}s ({xlsx_size} bytes), "
        f"PDF {pdf_time:.2f}s ({pdf_size} bytes)"
    )


if __name__ == "__main__":
    main()

# modules: jmsc_cooperative
"""Least privilege and tenant boundaries of the cooperatives, from outside (issue #11).

A server with 2 workers. As the demo users `coop_teller`, `coop_manager` (Indramayu) and
`coop_teller_cirebon` over JSON-RPC: which migrants and fields they read, which writes are refused,
that one cooperative's manager cannot preview or post another's SHU or close its months, that a teller
cannot reach the SHU's idempotency keys. Then parallel clients post into last month while its
manager closes it: every posting of the closed month precedes the close, numbers have no gaps.
"""

import datetime
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402


def office_today():
    """Today in West Java, the day the server dates cooperative postings and reports by."""
    return datetime.datetime.now(ZoneInfo("Asia/Jakarta")).date()


TELLERS = 6
POSTINGS = 12


def refused(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except RpcError as error:
        return error.name or "error"
    return None


def xmlid(admin, name):
    module, _dot, ident = name.partition(".")
    rows = admin.execute("ir.model.data", "search_read", [("module", "=", module), ("name", "=", ident)], ["res_id"])
    return rows[0]["res_id"]


def check_demo_users(url, db, admin, checks):
    teller = JsonRpcClient(url, db, "coop_teller", "coop_teller")
    manager = JsonRpcClient(url, db, "coop_manager", "coop_manager")
    cirebon = JsonRpcClient(url, db, "coop_teller_cirebon", "coop_teller_cirebon")
    indramayu = xmlid(admin, "jmsc_cooperative.coop_indramayu_demo")
    cirebon_coop = xmlid(admin, "jmsc_cooperative.coop_cirebon_demo")
    own_partners = {
        m["partner_id"][0]
        for m in admin.execute("jmsc.coop.member", "search_read", [("cooperative_id", "=", indramayu)], ["partner_id"])
    }
    all_migrants = admin.execute("res.partner", "search", [("is_migrant", "=", True)])
    outsider = next(pid for pid in all_migrants if pid not in own_partners)

    seen = set(teller.execute("res.partner", "search", [("is_migrant", "=", True)]))
    checks.check("the teller sees only her cooperative's members", seen and seen <= own_partners, str(len(seen)))
    checks.check(
        "the teller reads no NIK", refused(teller.execute, "res.partner", "read", sorted(seen)[:1], ["nik"]) is not None
    )
    checks.check("the manager reads no NIK", refused(manager.execute, "res.partner", "read", sorted(seen)[:1], ["nik"]))
    checks.check(
        "the teller cannot read a migrant who is not a member",
        refused(teller.execute, "res.partner", "read", [outsider], ["name"]) is not None,
    )
    checks.check(
        "the teller cannot make a migrant a member by id",
        refused(teller.execute, "jmsc.coop.member", "create", {"partner_id": outsider, "cooperative_id": indramayu})
        is not None,
    )
    checks.check(
        "... and still cannot read that migrant",
        refused(teller.execute, "res.partner", "read", [outsider], ["name"]) is not None,
    )
    members = teller.execute("jmsc.coop.member", "search_read", [("status", "=", "active")], ["id"], limit=2)
    member_id = members[0]["id"]
    checks.check(
        "a membership cannot be re-pointed",
        refused(teller.execute, "jmsc.coop.member", "write", [member_id], {"partner_id": outsider}) is not None,
    )
    checks.check(
        "the teller cannot write a member's status",
        refused(teller.execute, "jmsc.coop.member", "write", [member_id], {"status": "deceased"}) is not None,
    )
    account_ids = teller.execute("jmsc.coop.account", "search", [("member_id", "=", member_id)])
    checks.check(
        "the teller cannot write an account's state",
        refused(teller.execute, "jmsc.coop.account", "write", account_ids[:1], {"state": "blocked"}) is not None,
    )
    checks.check(
        "nor can the manager, outside the buttons",
        refused(manager.execute, "jmsc.coop.account", "write", account_ids[:1], {"state": "blocked"}) is not None,
    )
    theirs = cirebon.execute("jmsc.coop.account", "search", [])
    mine = teller.execute("jmsc.coop.account", "search", [])
    checks.check("tellers of two cooperatives share no account", theirs and mine and not set(theirs) & set(mine))
    checks.check(
        "Cirebon's teller cannot read Indramayu's balances",
        refused(cirebon.execute, "jmsc.coop.account", "read", mine[:1], ["balance"]) is not None,
    )
    checks.check(
        "Cirebon's teller cannot post to Indramayu's account",
        refused(cirebon.execute, "jmsc.coop.account", "post_transaction", mine[:1], "deposit", 1000) is not None,
    )
    # SHU and month close of another cooperative
    product = admin.execute(
        "jmsc.coop.product", "search", [("cooperative_id", "=", cirebon_coop), ("allow_shu", "=", True)], limit=1
    )
    year = office_today().year
    wizard = manager.execute(
        "jmsc.coop.shu.wizard",
        "create",
        {"cooperative_id": cirebon_coop, "year": year, "amount": 1000000, "product_id": product[0]},
    )
    checks.check(
        "Indramayu's manager cannot preview Cirebon's SHU",
        refused(manager.execute, "jmsc.coop.shu.wizard", "action_preview", [wizard]) is not None,
    )
    checks.check(
        "... nor post it",
        refused(manager.execute, "jmsc.coop.shu.wizard", "action_post", [wizard]) is not None,
    )
    checks.check(
        "no SHU run was created for Cirebon this year",
        not admin.execute("jmsc.coop.shu.run", "search", [("cooperative_id", "=", cirebon_coop), ("year", "=", year)]),
    )
    last_month = (office_today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    checks.check(
        "Indramayu's manager cannot close Cirebon's month",
        refused(
            manager.execute, "jmsc.coop.period", "create", {"cooperative_id": cirebon_coop, "month": str(last_month)}
        )
        is not None,
    )
    checks.check(
        "the current month cannot be closed",
        refused(
            manager.execute,
            "jmsc.coop.period",
            "create",
            {"cooperative_id": indramayu, "month": str(office_today())},
        )
        == "odoo.exceptions.ValidationError",
    )
    # a teller takes the SHU's key format: the SHU still posts
    sukarela = teller.execute("jmsc.coop.account", "search", [("member_id", "=", member_id), ("kind", "=", "sukarela")])
    key = f"shu-{year}-{member_id}"
    teller.execute("jmsc.coop.account", "post_transaction", sukarela, "deposit", 25000, idempotency_key=key)
    own_product = manager.execute(
        "jmsc.coop.product", "search", [("cooperative_id", "=", indramayu), ("allow_shu", "=", True)], limit=1
    )
    own_wizard = manager.execute(
        "jmsc.coop.shu.wizard",
        "create",
        {"cooperative_id": indramayu, "year": year, "amount": 2500000, "product_id": own_product[0]},
    )
    manager.execute("jmsc.coop.shu.wizard", "action_preview", [own_wizard])
    outcome = refused(manager.execute, "jmsc.coop.shu.wizard", "action_post", [own_wizard])
    checks.check("a teller's key in the SHU format does not block the SHU", outcome is None, str(outcome))
    shares = admin.execute(
        "jmsc.coop.transaction", "search_read", [("system_key", "=", key)], ["idempotency_key", "transaction_type"]
    )
    checks.check(
        "the SHU share lives in the system key namespace",
        len(shares) == 1 and shares[0]["transaction_type"] == "shu" and not shares[0]["idempotency_key"],
        str(shares),
    )


def setup_lock_race(admin, stamp):
    coop_type = admin.execute("jmsc.agency.type", "search", [("code", "=", "cooperative")], limit=1)[0]
    coop = admin.execute(
        "res.partner",
        "create",
        {"name": f"Koperasi Uji Tutup Buku {stamp}", "ref": f"KTB{stamp % 100000}", "is_company": True,
         "agency_type_id": coop_type},
    )  # fmt: skip
    admin.execute(
        "jmsc.coop.product",
        "create",
        {"name": "Simpanan Sukarela", "code": "SS", "cooperative_id": coop, "kind": "sukarela",
         "allow_withdrawal": True},
    )  # fmt: skip
    partners = admin.execute("res.partner", "create", [{"name": f"Anggota Tutup Buku {i}"} for i in range(TELLERS)])
    members = admin.execute("jmsc.coop.member", "create", [{"partner_id": p, "cooperative_id": coop} for p in partners])
    accounts = [admin.execute("jmsc.coop.account", "search", [("member_id", "=", m)])[0] for m in members]
    staff = xmlid(admin, "jmsc_cooperative.group_coop_staff")
    manager_group = xmlid(admin, "jmsc_cooperative.group_coop_manager")
    logins = [f"ktb_{stamp}_{i}" for i in range(TELLERS)]
    admin.execute(
        "res.users",
        "create",
        [{"name": f"Teller {i}", "login": login, "password": login, "jmsc_agency_id": coop, "groups_id": [(4, staff)]}
         for i, login in enumerate(logins)]
        + [{"name": "Manajer", "login": f"ktb_{stamp}_m", "password": f"ktb_{stamp}_m", "jmsc_agency_id": coop,
            "groups_id": [(4, manager_group)]}],
    )  # fmt: skip
    return coop, accounts, logins, f"ktb_{stamp}_m"


def post_until_closed(url, db, login, account_id, value_date, results, lock):
    client = JsonRpcClient(url, db, login, login)
    for number in range(POSTINGS):
        key = f"{login}-{number}"
        outcome = None
        for _attempt in range(8):
            try:
                client.execute(
                    "jmsc.coop.account", "post_transaction", [account_id], "deposit", 1000, value_date=value_date,
                    idempotency_key=key,
                )  # fmt: skip
                outcome = "posted"
                break
            except RpcError as error:
                text = str(error).lower()
                if "serializ" in text or "concurrent" in text:
                    time.sleep(0.1)
                    continue
                outcome = "closed" if "closed" in text or "ditutup" in text else f"error: {error}"
                break
        with lock:
            results.append(outcome)
        time.sleep(0.02)


def check_close_lock(url, db, admin, checks):
    coop, accounts, logins, manager_login = setup_lock_race(admin, int(time.time()))
    last_month = (office_today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    value_date = str(last_month + datetime.timedelta(days=27))
    manager = JsonRpcClient(url, db, manager_login, manager_login)
    results, lock = [], threading.Lock()
    closed = {}
    with ThreadPoolExecutor(max_workers=TELLERS + 1) as pool:
        futures = [
            pool.submit(post_until_closed, url, db, login, account, value_date, results, lock)
            for login, account in zip(logins, accounts, strict=True)
        ]
        time.sleep(1.0)
        for _attempt in range(8):
            try:
                closed["id"] = manager.execute(
                    "jmsc.coop.period", "create", {"cooperative_id": coop, "month": str(last_month)}
                )
                break
            except RpcError as error:
                if "serializ" not in str(error).lower() and "concurrent" not in str(error).lower():
                    raise
                time.sleep(0.1)
        errors = [f.exception(timeout=600) for f in futures]
    checks.check("every posting client finished", not any(errors), str(errors[:2]))
    checks.check("the month was closed during the postings", "id" in closed)
    unexpected = [r for r in results if r not in ("posted", "closed")]
    checks.check("postings were accepted or refused as closed, nothing else", not unexpected, str(unexpected[:3]))
    period = admin.execute("jmsc.coop.period", "read", [closed["id"]], ["last_transaction_name"])[0]
    lines = admin.execute(
        "jmsc.coop.transaction", "search_read", [("cooperative_id", "=", coop)], ["name", "value_date"], order="id"
    )
    numbers = [int(line["name"].rsplit("/", 1)[1]) for line in lines]
    checks.check("transaction numbers have no gaps", numbers == list(range(1, len(numbers) + 1)), str(numbers[:20]))
    last_number = int(period["last_transaction_name"].rsplit("/", 1)[1]) if period["last_transaction_name"] else 0
    in_month = [n for n, line in zip(numbers, lines, strict=True) if line["value_date"] <= value_date]
    checks.check(
        "every posting of the closed month precedes the close",
        all(n <= last_number for n in in_month) and len(in_month) == results.count("posted"),
        f"last {last_number}, month {in_month[-3:]}",
    )
    checks.check(
        "some postings came after the close and were refused", "closed" in results, str(results.count("posted"))
    )


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        check_demo_users(url, args.db, admin, checks)
        check_close_lock(url, args.db, admin, checks)
    return checks.finish()


if __name__ == "__main__":
    raise SystemExit(main())

# modules: jmsc_cooperative
"""Real concurrency on one savings account.

A server with 2 workers; 20 JSON-RPC clients in parallel threads, each posting 50 deposits and
withdrawals to the SAME account through `jmsc.coop.account.post_transaction`. Every posting has an
idempotency key; some are sent twice (a client retry) and some are shared by two clients at once.
The final balance must equal the sum of what was accepted, no running balance may be negative,
no idempotency key may be used twice, and the ledger check must pass.
"""

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args

CLIENTS = 20
POSTINGS = 50
RETRIES = 8  # client-side retries when the server gave up on a serialization failure
INITIAL = 300_000


def post(client, account_id, kind, amount, key):
    """Post through the public method. On a concurrency failure or a timeout the outcome is unknown
    to the client, so it sends the same posting again with the same key: that is what the key is for."""
    for attempt in range(RETRIES):
        try:
            return client.execute(
                "jmsc.coop.account", "post_transaction", [account_id], kind, amount, idempotency_key=key
            )
        except RpcError as error:
            if "serializ" not in str(error).lower() and "concurrent" not in str(error).lower():
                raise
        except OSError:  # timed out (the machine may be busy): the posting may or may not have landed
            pass
        time.sleep(0.2 * (attempt + 1))
    raise RuntimeError(f"posting {key} kept failing")


def connect(url, db, login):
    """Log in; on a 2-core machine under load the login itself may time out: try again."""
    for attempt in range(RETRIES):
        try:
            return JsonRpcClient(url, db, login, login)
        except OSError:
            time.sleep(0.5 * (attempt + 1))
    return JsonRpcClient(url, db, login, login)


def run_client(url, db, login, account_id, index, results, lock):
    client = connect(url, db, login)
    rng = random.Random(index)
    for number in range(POSTINGS):
        kind = "deposit" if rng.random() < 0.6 else "withdrawal"
        amount = rng.randint(1, 400) * 1000
        key = f"c{index}-{number}"
        if number % 10 == 9:
            # clients 2k and 2k+1 send the same posting at about the same time: only one may land
            key, kind, amount = f"shared-{index // 2}-{number}", "deposit", 7000
        outcome = {"key": key, "kind": kind, "amount": amount}
        try:
            outcome["id"] = post(client, account_id, kind, amount, key)
            if number % 7 == 3:  # a client retry of a posting that already succeeded
                outcome["replay_id"] = post(client, account_id, kind, amount, key)
        except RpcError as error:
            outcome["refused"] = error.name or str(error)
            outcome["message"] = str(error)
        with lock:
            results.append(outcome)


def setup(admin, stamp):
    coop_type = admin.execute("jmsc.agency.type", "search", [("code", "=", "cooperative")], limit=1)[0]
    coop = admin.execute(
        "res.partner",
        "create",
        {"name": f"Koperasi Uji Konkurensi {stamp}", "is_company": True, "agency_type_id": coop_type},
    )
    admin.execute(
        "jmsc.coop.product",
        "create",
        {
            "name": "Simpanan Sukarela",
            "code": "SS",
            "cooperative_id": coop,
            "kind": "sukarela",
            "allow_withdrawal": True,
        },
    )
    partner = admin.execute("res.partner", "create", {"name": f"Anggota Konkurensi {stamp}"})
    member = admin.execute("jmsc.coop.member", "create", {"partner_id": partner, "cooperative_id": coop})
    account_id = admin.execute("jmsc.coop.account", "search", [("member_id", "=", member)])[0]
    group = admin.execute(
        "ir.model.data",
        "search_read",
        [("module", "=", "jmsc_cooperative"), ("name", "=", "group_coop_staff")],
        ["res_id"],
    )[0]["res_id"]
    logins = [f"coop_conc_{stamp}_{index}" for index in range(CLIENTS)]
    admin.execute(
        "res.users",
        "create",
        [
            {
                "name": f"Teller {index}",
                "login": login,
                "password": login,
                "jmsc_agency_id": coop,
                "groups_id": [(4, group)],
            }
            for index, login in enumerate(logins)
        ],
    )
    admin.execute("jmsc.coop.account", "post_transaction", [account_id], "deposit", INITIAL, idempotency_key="initial")
    return account_id, logins


def main():
    args = parse_args()
    checks = Checks()
    stamp = int(time.time())
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        account_id, logins = setup(admin, stamp)
        results, lock = [], threading.Lock()
        started = time.time()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            futures = [
                pool.submit(run_client, url, args.db, login, account_id, index, results, lock)
                for index, login in enumerate(logins)
            ]
            errors = [f.exception(timeout=900) for f in futures]
        elapsed = time.time() - started
        checks.check("every client finished", not any(errors), str([e for e in errors if e][:3]))
        checks.check(f"{CLIENTS * POSTINGS} postings answered", len(results) == CLIENTS * POSTINGS, str(len(results)))

        accepted = {}
        for outcome in results:
            if "id" in outcome:
                sign = 1 if outcome["kind"] == "deposit" else -1
                accepted[outcome["id"]] = sign * outcome["amount"]
        replays = [o for o in results if "replay_id" in o]
        checks.check("a repeated key returns the first transaction", all(o["replay_id"] == o["id"] for o in replays))
        shared = {}
        for outcome in results:
            if outcome["key"].startswith("shared-") and "id" in outcome:
                shared.setdefault(outcome["key"], set()).add(outcome["id"])
        checks.check(
            "a key shared by two clients posts once", all(len(ids) == 1 for ids in shared.values()), str(shared)
        )
        refused = [o for o in results if "refused" in o]
        checks.check(
            "only withdrawals are refused, and as user errors (lack of funds)",
            all(o["kind"] == "withdrawal" and o["refused"] == "odoo.exceptions.UserError" for o in refused),
            str(refused[:2]),
        )

        lines = admin.execute(
            "jmsc.coop.transaction",
            "search_read",
            [("account_id", "=", account_id)],
            ["amount", "running_balance", "idempotency_key"],
            order="id",
        )
        balance = admin.execute("jmsc.coop.account", "read", [account_id], ["balance"])[0]["balance"]
        expected = INITIAL + sum(accepted.values())
        checks.check(
            "final balance equals the expected sum", abs(balance - expected) < 0.005, f"{balance} != {expected}"
        )
        checks.check("one ledger line per accepted posting", len(lines) == len(accepted) + 1, f"{len(lines)} lines")
        keys = [line["idempotency_key"] for line in lines if line["idempotency_key"]]
        checks.check("no idempotency key is used twice", len(keys) == len(set(keys)))
        checks.check("no running balance is negative", all(line["running_balance"] >= 0 for line in lines))
        running, chained = 0.0, True
        for line in lines:
            running = round(running + line["amount"], 2)
            chained = chained and abs(running - line["running_balance"]) < 0.005
        checks.check("running balances chain in posting order", chained)
        problems = admin.execute("jmsc.coop.account", "check_ledger", [account_id])
        checks.check("the ledger check passes", problems == [], str(problems))
        print(f"{len(accepted)} postings accepted, {len(refused)} refused in {elapsed:.1f}s")
    return checks.finish()


if __name__ == "__main__":
    raise SystemExit(main())

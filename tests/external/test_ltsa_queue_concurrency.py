# modules: jmsc_ltsa
"""Parallel kiosks and desks against a real server with workers.

N clients issue tickets for the same site and category at once, through the
public `issue_ticket` method the kiosk uses (JSON-RPC, as admin and as a desk
officer): the numbers must be exactly 1..M. Then several desks call the next
ticket in parallel until the queue is empty: no ticket may be called twice.
"""

import sys
import threading
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402

CLIENTS = 12
TICKETS_PER_CLIENT = 3
DESKS = 4


def run_parallel(target, count):
    results, errors = {}, []

    def wrapper(index):
        try:
            results[index] = target(index)
        except (RpcError, OSError) as exc:
            errors.append(f"{index}: {exc}")

    threads = [threading.Thread(target=wrapper, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results, errors


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        tag = uuid.uuid4().hex[:6]
        letters = "".join(chr(ord("A") + int(c, 16) % 26) for c in tag[:2])
        category_id = admin.execute("jmsc.ltsa.category", "create", {"name": f"Concurrency {tag}", "prefix": letters})
        regency_id = admin.execute("jmsc.regency", "search", [("code", "=", "32.12")], limit=1)[0]
        officer_login = f"ltsa_conc_{tag}"
        officer_group = admin.execute("ir.model.data", "check_object_reference", "jmsc_ltsa", "group_ltsa_officer")[1]
        officer_id = admin.execute(
            "res.users",
            "create",
            {"name": f"Concurrency officer {tag}", "login": officer_login, "password": officer_login,
             "groups_id": [(6, 0, [officer_group])]},
        )  # fmt: skip
        site_id = admin.execute(
            "jmsc.ltsa.site",
            "create",
            {"name": f"LTSA concurrency {tag}", "regency_id": regency_id, "kiosk_mode": "officer"},
        )
        desk_ids = [
            admin.execute(
                "jmsc.ltsa.desk",
                "create",
                {
                    "name": f"Desk {i}",
                    "site_id": site_id,
                    "desk_type": "manpower",
                    "category_ids": [(6, 0, [category_id])],
                    "user_ids": [(6, 0, [officer_id])],
                },
            )  # fmt: skip
            for i in range(DESKS)
        ]

        def issue(index):
            login = "admin" if index % 2 else officer_login
            client = JsonRpcClient(url, args.db, login, "admin" if login == "admin" else officer_login)
            return [
                client.execute("jmsc.ltsa.site", "issue_ticket", [site_id], category_id)
                for _i in range(TICKETS_PER_CLIENT)
            ]

        results, errors = run_parallel(issue, CLIENTS)
        checks.check("every parallel issue succeeded", not errors, "; ".join(errors))
        numbers = sorted(t["number"] for tickets in results.values() for t in tickets)
        expected = list(range(1, CLIENTS * TICKETS_PER_CLIENT + 1))
        checks.check("issued numbers are 1..M without gaps or duplicates", numbers == expected, str(numbers))
        stored = admin.execute(
            "jmsc.ltsa.ticket", "search_read", [("site_id", "=", site_id)], fields=["number", "name"]
        )
        checks.check(
            "stored tickets match the issued numbers",
            sorted(t["number"] for t in stored) == expected,
            str(sorted(t["number"] for t in stored)),
        )
        codes = {t["name"] for t in stored}
        checks.check("ticket codes are unique", len(codes) == len(stored))

        def serve(index):
            client = JsonRpcClient(url, args.db, officer_login, officer_login)
            called = []
            for _attempt in range(len(expected) + 1):
                code = client.execute("jmsc.ltsa.desk", "action_call_next", [desk_ids[index]])
                if not code:
                    break
                called.append(code)
                client.execute("jmsc.ltsa.desk", "action_start", [desk_ids[index]])
                client.execute("jmsc.ltsa.desk", "action_finish", [desk_ids[index]])
            return called

        results, errors = run_parallel(serve, DESKS)
        checks.check("every parallel call-next succeeded", not errors, "; ".join(errors))
        called = [code for codes_called in results.values() for code in codes_called]
        checks.check("no ticket was called by two desks", len(called) == len(set(called)), str(sorted(called)))
        checks.check("every ticket was called once", set(called) == codes, f"{len(called)} of {len(codes)}")
        checks.check("more than one desk took part", sum(1 for c in results.values() if c) > 1, str(results))
        done = admin.execute("jmsc.ltsa.ticket", "search_count", [("site_id", "=", site_id), ("state", "=", "done")])
        checks.check("all tickets are done", done == len(expected), str(done))
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

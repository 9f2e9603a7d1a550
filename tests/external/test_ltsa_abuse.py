# modules: jmsc_ltsa
"""The LTSA kiosk and site tokens under abuse, against a real server with workers (issue #11).

- a burst of kiosk requests from one client gets HTTP 429 past the per-device limit and creates at most
  that many tickets; the daily cap per site and category holds under a burst too;
- the board token cannot issue tickets;
- over JSON-RPC, a portal user and `ltsa.officer.cirebon` cannot read Indramayu's tokens or links, nor
  rotate them; an officer cannot choose a ticket number.
"""

import http.cookiejar
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402

BURST = 30
CLIENT_LIMIT = 5
DAILY_CAP = 3


class Browser:
    """One kiosk device: a cookie jar (session, CSRF) and plain HTTP."""

    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        try:
            with self.opener.open(self.url + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.url + path, data=body, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def csrf(self, kiosk_path):
        status, html = self.get(kiosk_path)
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return status, match.group(1) if match else ""


def burst(browser, path, data, count, parallel=6):
    statuses, lock = [], threading.Lock()
    todo = list(range(count))

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                todo.pop()
            status, _html = browser.post(path, data)
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _i in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return statuses


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        tag = uuid.uuid4().hex[:6]
        letters = "".join(chr(ord("A") + int(c, 16) % 26) for c in tag[:3])
        category_id = admin.execute("jmsc.ltsa.category", "create", {"name": f"Abuse {tag}", "prefix": letters})
        regency_id = admin.execute("jmsc.regency", "search", [("code", "=", "32.12")], limit=1)[0]
        site_id = admin.execute(
            "jmsc.ltsa.site",
            "create",
            {"name": f"LTSA abuse {tag}", "regency_id": regency_id, "kiosk_mode": "public",
             "kiosk_client_limit": CLIENT_LIMIT, "kiosk_site_limit": 100, "daily_cap": 1000},
        )  # fmt: skip
        admin.execute(
            "jmsc.ltsa.desk",
            "create",
            {
                "name": "Loket abuse",
                "site_id": site_id,
                "desk_type": "manpower",
                "category_ids": [(6, 0, [category_id])],
            },
        )
        tokens = admin.execute("jmsc.ltsa.site", "read", [site_id], ["board_token", "kiosk_token"])[0]
        kiosk, board = tokens["kiosk_token"], tokens["board_token"]
        checks.check("the kiosk and the board have different tokens", kiosk != board)

        def tickets():
            return admin.execute("jmsc.ltsa.ticket", "search_count", [("site_id", "=", site_id)])

        # 1. A burst from one device.
        device = Browser(url)
        status, csrf = device.csrf(f"/jmsc/ltsa/{kiosk}/kiosk")
        checks.check("the kiosk page opens", status == 200 and csrf, str(status))
        statuses = burst(
            device, f"/jmsc/ltsa/{kiosk}/kiosk/issue", {"csrf_token": csrf, "category_id": category_id}, BURST
        )
        ok, refused = statuses.count(200), statuses.count(429)
        checks.check(
            f"a burst of {BURST} from one device: {CLIENT_LIMIT} issued, the rest refused with 429",
            ok == CLIENT_LIMIT and refused == BURST - CLIENT_LIMIT,
            f"200: {ok}, 429: {refused}, other: {sorted(set(statuses) - {200, 429})}",
        )
        checks.check("at most the allowed number of tickets exist", tickets() == CLIENT_LIMIT, str(tickets()))
        _status, page = device.post(f"/jmsc/ltsa/{kiosk}/kiosk/issue", {"csrf_token": csrf, "category_id": category_id})
        checks.check("the refusal page speaks Indonesian", "tunggu" in page.lower(), page[-400:])

        # 2. The board token issues nothing.
        before = tickets()
        other = Browser(url)
        _status, csrf_other = other.csrf(f"/jmsc/ltsa/{kiosk}/kiosk")
        status, _html = other.post(
            f"/jmsc/ltsa/{board}/kiosk/issue", {"csrf_token": csrf_other, "category_id": category_id}
        )
        checks.check("the board token posted to the kiosk gets 404", status == 404, str(status))
        checks.check("the board token opens no kiosk page", other.get(f"/jmsc/ltsa/{board}/kiosk")[0] == 404)
        checks.check("the board token issued no ticket", tickets() == before, f"{before} -> {tickets()}")
        checks.check("the board itself opens", other.get(f"/jmsc/ltsa/{board}/board")[0] == 200)

        # 3. The daily cap per site and category, under a burst of many devices' worth.
        admin.execute(
            "jmsc.ltsa.site", "write", [site_id], {"kiosk_client_limit": 100, "daily_cap": before + DAILY_CAP}
        )
        statuses = burst(
            other, f"/jmsc/ltsa/{kiosk}/kiosk/issue", {"csrf_token": csrf_other, "category_id": category_id}, 12
        )
        checks.check(
            f"the daily cap lets {DAILY_CAP} more through and refuses the rest",
            statuses.count(200) == DAILY_CAP and statuses.count(429) == 12 - DAILY_CAP,
            str(sorted(statuses)),
        )
        checks.check("the cap holds in the database", tickets() == before + DAILY_CAP, str(tickets()))

        # 4. Tokens over JSON-RPC.
        indramayu = admin.execute("jmsc.ltsa.site", "search", [("name", "=", "LTSA Indramayu")], limit=1)
        portal_login = f"ltsa_portal_{tag}"
        portal_group = admin.execute("ir.model.data", "check_object_reference", "base", "group_portal")[1]
        admin.execute(
            "res.users",
            "create",
            {"name": f"Portal {tag}", "login": portal_login, "password": portal_login,
             "groups_id": [(6, 0, [portal_group])]},
        )  # fmt: skip
        clients = {"portal": JsonRpcClient(url, args.db, portal_login, portal_login)}
        if indramayu:
            clients["ltsa.officer.cirebon"] = JsonRpcClient(
                url, args.db, "ltsa.officer.cirebon", "ltsa.officer.cirebon"
            )
        target = indramayu[0] if indramayu else site_id
        before_tokens = admin.execute("jmsc.ltsa.site", "read", [target], ["board_token", "kiosk_token"])[0]
        for name, client in clients.items():
            for fname in ("board_token", "kiosk_token", "board_url", "kiosk_url"):
                try:
                    value = client.execute("jmsc.ltsa.site", "read", [target], [fname])
                    checks.check(f"{name} cannot read {fname}", False, str(value))
                except RpcError as err:
                    checks.check(f"{name} cannot read {fname}", "AccessError" in err.name, err.name)
            try:
                client.execute("jmsc.ltsa.site", "action_regenerate_token", [target])
                checks.check(f"{name} cannot rotate the tokens", False)
            except RpcError as err:
                checks.check(f"{name} cannot rotate the tokens", "AccessError" in err.name, err.name)
        after_tokens = admin.execute("jmsc.ltsa.site", "read", [target], ["board_token", "kiosk_token"])[0]
        checks.check("the tokens did not change", before_tokens == after_tokens)
        if indramayu:
            officer = JsonRpcClient(url, args.db, "ltsa.officer.indramayu", "ltsa.officer.indramayu")
            category = admin.execute("jmsc.ltsa.category", "search", [("prefix", "=", "A")], limit=1)[0]
            try:
                officer.execute("jmsc.ltsa.ticket", "create", {"site_id": target, "category_id": category, "number": 1})
                checks.check("an officer cannot choose a ticket number", False)
            except RpcError as err:
                checks.check("an officer cannot choose a ticket number", "UserError" in err.name, err.name)
            try:
                officer.execute("jmsc.ltsa.ticket", "create", {})
                checks.check("create({}) is a clear validation error", False)
            except RpcError as err:
                checks.check("create({}) is a clear validation error", "ValidationError" in err.name, err.name)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

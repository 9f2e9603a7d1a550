# modules: jmsc_base
"""The demo Village Officer (desa.dadap) over JSON-RPC: only the migrants of Dadap and Juntinyuat."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, args.python) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        village_ids = admin.execute("jmsc.village", "search", [("code", "in", ["32.12.11.2004", "32.12.11.2005"])])
        officer = JsonRpcClient(url, args.db, "desa.dadap", "desa.dadap")
        mine = officer.execute(
            "res.partner", "search_read", [("is_migrant", "=", True)], fields=["name", "village_id", "nik"]
        )
        checks.check("the village officer sees migrants", len(mine) > 0)
        checks.check(
            "only of their villages",
            all(row["village_id"] and row["village_id"][0] in village_ids for row in mine),
            str([row["village_id"] for row in mine]),
        )
        checks.check("and reads their NIK", all(row["nik"] for row in mine))
        other = admin.execute(
            "res.partner", "search", [("is_migrant", "=", True), ("village_id", "not in", village_ids)], limit=1
        )
        try:
            officer.execute("res.partner", "read", other, ["name"])
            checks.check("a migrant of another village is refused", False)
        except RpcError as err:
            checks.check("a migrant of another village is refused", "AccessError" in err.name, err.name)
        total = admin.execute(
            "res.partner", "search_count", [("is_migrant", "=", True), ("village_id", "in", village_ids)]
        )
        checks.check("all migrants of their villages", len(mine) == total, f"{len(mine)} != {total}")
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

# modules: jmsc_certification
"""Least privilege for LSP staff and assessors, from outside (JSON-RPC as the demo users).

- lsp.staff reads only the candidates who applied to their LSP, assessor only the candidates of their
  assessments; neither reads a NIK or an identity document;
- application, assessment and result states, and certificates, change only through their buttons;
- the public verification page shows no personal data beyond the masked name, answers 404 to bad
  tokens and 429 to a burst.
"""

import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402


def refused(client, model, method, *args):
    """True when the server refuses the call (an error comes back instead of a result)."""
    try:
        client.execute(model, method, *args)
    except RpcError:
        return True
    return False


def http_get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        migrants_total = admin.execute("res.partner", "search_count", [("is_migrant", "=", True)])
        staff = JsonRpcClient(url, args.db, "lsp.staff", "lsp.staff")
        assessor = JsonRpcClient(url, args.db, "assessor", "assessor")
        lsp_id = admin.execute("res.users", "read", [staff.uid], ["jmsc_agency_id"])[0]["jmsc_agency_id"][0]
        expected = {
            "lsp.staff": admin.execute(
                "res.partner", "search", [("is_migrant", "=", True), ("jmsc_cert_application_ids.lsp_id", "=", lsp_id)]
            ),
            "assessor": admin.execute(
                "res.partner",
                "search",
                [
                    ("is_migrant", "=", True),
                    "|",
                    ("jmsc_cert_application_ids.event_id.assessor_ids.user_id", "=", assessor.uid),
                    ("jmsc_cert_application_ids.result_ids.event_id.assessor_ids.user_id", "=", assessor.uid),
                ],
            ),
        }
        for login, user in (("lsp.staff", staff), ("assessor", assessor)):
            visible = user.execute("res.partner", "search", [("is_migrant", "=", True)])
            checks.check(
                f"{login} sees only their candidates ({len(visible)} of {migrants_total} migrants)",
                sorted(visible) == sorted(expected[login]) and 0 < len(visible) < migrants_total,
                f"visible={len(visible)} expected={len(expected[login])}",
            )
            checks.check(
                f"{login} cannot read a NIK, KK or religion",
                all(refused(user, "res.partner", "read", visible[:1], [f]) for f in ("nik", "kk_number", "religion")),
            )
            documents = user.execute("res.partner.id_number", "search_count", [("partner_id.is_migrant", "=", True)])
            checks.check(f"{login} reads no identity document of a migrant", documents == 0, f"{documents} readable")
            checks.check(
                f"{login} cannot change a migrant's profile",
                refused(user, "res.partner", "write", visible[:1], {"name": "X"}),
            )

        applications = staff.execute("jmsc.cert.application", "search_read", [], ["state", "partner_id"], limit=1)
        if applications:
            app = applications[0]
            for vals in ({"state": "certified"}, {"attempt": 9}, {"verified_by_id": staff.uid}):
                checks.check(
                    f"lsp.staff cannot write {sorted(vals)} on an application",
                    refused(staff, "jmsc.cert.application", "write", [app["id"]], vals),
                )
            state = admin.execute("jmsc.cert.application", "read", [app["id"]], ["state"])[0]["state"]
            checks.check("the application keeps its state", state == app["state"], state)
        outsider = admin.execute(
            "res.partner", "search", [("is_migrant", "=", True), ("id", "not in", expected["lsp.staff"])], limit=1
        )
        scheme = staff.execute("jmsc.cert.scheme", "search", [], limit=1)
        checks.check(
            "lsp.staff cannot open an outsider by creating an application for them",
            refused(staff, "jmsc.cert.application", "create", {"partner_id": outsider[0], "scheme_id": scheme[0]}),
        )
        events = staff.execute("jmsc.cert.event", "search", [], limit=1)
        checks.check(
            "lsp.staff cannot write an assessment's state",
            refused(staff, "jmsc.cert.event", "write", events, {"state": "done"}),
        )
        results = assessor.execute("jmsc.cert.result", "search_read", [], ["attempt"], limit=1)
        if results:
            checks.check(
                "assessor cannot move a result line to another attempt",
                refused(assessor, "jmsc.cert.result", "write", [results[0]["id"]], {"attempt": 7}),
            )
        checks.check(
            "assessor cannot read certificates",
            refused(assessor, "jmsc.cert.certificate", "search", []),
        )
        certificates = staff.execute("jmsc.cert.certificate", "search_read", [], ["token", "name"], limit=1)
        if certificates:
            checks.check(
                "lsp.staff cannot rewrite a certificate's token",
                refused(
                    staff,
                    "jmsc.cert.certificate",
                    "write",
                    [certificates[0]["id"]],
                    {"token": "forged-token-forged-token"},
                ),
            )
            status, body = http_get(f"{url}/jmsc/certificate/{certificates[0]['token']}")
            checks.check(
                "the public page verifies a real certificate", status == 200 and certificates[0]["name"] in body
            )
            holder = admin.execute("jmsc.cert.certificate", "read", [certificates[0]["id"]], ["partner_id"])[0]
            nik = admin.execute("res.partner", "read", [holder["partner_id"][0]], ["nik"])[0]["nik"]
            checks.check(
                "the public page shows no NIK and no full name",
                nik not in body and holder["partner_id"][1] not in body,
            )
        status, _body = http_get(f"{url}/jmsc/certificate/forged-token-forged-token")
        checks.check("a forged token verifies nothing", status == 404, str(status))
        for token in ("1", "../../x", "A" * 400, "%3Cscript%3E"):
            status, body = http_get(f"{url}/jmsc/certificate/{token}")
            checks.check(
                f"bad token {token[:12]!r} gets 404 without a trace", status == 404 and "Traceback" not in body
            )
        statuses = [http_get(f"{url}/jmsc/certificate/burst-{i:04d}-0123456789abcdef")[0] for i in range(70)]
        checks.check("a burst of guesses gets 429", 429 in statuses, str(sorted(set(statuses))))
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

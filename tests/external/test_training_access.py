# modules: jmsc_training
"""Least privilege for trainers and training-centre staff, from outside (JSON-RPC as the demo users).

- trainer.lpk and staff.blk read only their own trainees, never a NIK or an identity document;
- they cannot forge a completed enrolment, a certificate number or a verification token with write()
  or create(), and the public certificate page never shows such a forgery;
- the public page answers 404 to bad tokens without leaking, and 429 to a burst.
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
        for login in ("trainer.lpk", "staff.blk"):
            user = JsonRpcClient(url, args.db, login, login)
            uid = user.uid
            if login == "trainer.lpk":
                own = [("training_enrolment_ids.batch_id.trainer_ids.user_id", "=", uid)]
            else:
                agency = admin.execute("res.users", "read", [uid], ["jmsc_agency_id"])[0]["jmsc_agency_id"][0]
                own = [("training_enrolment_ids.centre_id", "=", agency)]
            expected = admin.execute("res.partner", "search", [("is_migrant", "=", True)] + own)
            visible = user.execute("res.partner", "search", [("is_migrant", "=", True)])
            checks.check(
                f"{login} sees only their trainees ({len(visible)} of {migrants_total} migrants)",
                sorted(visible) == sorted(expected) and 0 < len(visible) < migrants_total,
                f"visible={len(visible)} expected={len(expected)}",
            )
            checks.check(f"{login} cannot read a NIK", refused(user, "res.partner", "read", visible[:1], ["nik"]))
            documents = user.execute("res.partner.id_number", "search_count", [("partner_id.is_migrant", "=", True)])
            checks.check(f"{login} reads no identity document of a migrant", documents == 0, f"{documents} readable")
            outsider = admin.execute(
                "res.partner", "search", [("is_migrant", "=", True), ("id", "not in", expected)], limit=1
            )
            checks.check(
                f"{login} cannot read an outsider migrant", refused(user, "res.partner", "read", outsider, ["name"])
            )
            enrolments = user.execute(
                "jmsc.training.enrolment", "search_read", [("state", "=", "enrolled")], ["batch_id"], limit=1
            )
            checks.check(f"{login} has an enrolled trainee to try with", bool(enrolments))
            if not enrolments:
                continue
            enrolment_id = enrolments[0]["id"]
            batch_id = enrolments[0]["batch_id"][0]
            forged_token = f"forged-{login.replace('.', '-')}-0123456789abcdef"
            forged = {
                "state": "completed",
                "certificate_number": "JMSC/FORGED/00002",
                "verification_token": forged_token,
            }
            for vals in (
                {"state": "completed"},
                {"certificate_number": "JMSC/FORGED/00001"},
                {"verification_token": forged_token},
                forged,
            ):
                checks.check(
                    f"{login} cannot write {sorted(vals)} on an enrolment",
                    refused(user, "jmsc.training.enrolment", "write", [enrolment_id], vals),
                )
            state = admin.execute("jmsc.training.enrolment", "read", [enrolment_id], ["state"])[0]["state"]
            checks.check(f"{login}: the enrolment is still enrolled", state == "enrolled", state)
            status, _body = http_get(f"{url}/jmsc/training/certificate/{forged_token}")
            checks.check(f"{login}: the forged token shows no certificate", status == 404, str(status))
            checks.check(
                f"{login} cannot create a completed enrolment",
                refused(
                    user, "jmsc.training.enrolment", "create", dict(forged, partner_id=outsider[0], batch_id=batch_id)
                ),
            )
            checks.check(
                f"{login} cannot enrol an outsider by a plain create (no widening of reads)",
                refused(user, "jmsc.training.enrolment", "create", {"partner_id": outsider[0], "batch_id": batch_id}),
            )

        # Public page: a real certificate shows initials only; bad tokens get 404; bursts get 429.
        completed = admin.execute(
            "jmsc.training.enrolment",
            "search_read",
            [("state", "=", "completed"), ("verification_token", "!=", False)],
            ["verification_token", "certificate_number", "partner_id"],
            limit=1,
        )
        if completed:
            nik = admin.execute("res.partner", "read", [completed[0]["partner_id"][0]], ["nik"])[0]["nik"]
            status, body = http_get(f"{url}/jmsc/training/certificate/{completed[0]['verification_token']}")
            checks.check(
                "public page shows a real certificate", status == 200 and completed[0]["certificate_number"] in body
            )
            checks.check("public page shows no NIK nor full name",
                         nik not in body and completed[0]["partner_id"][1] not in body)  # fmt: skip
        for token in ("x", "../../etc/passwd", "%27%20OR%201=1--", "A" * 500, "0123456789abcdef0123"):
            status, body = http_get(f"{url}/jmsc/training/certificate/{token}")
            checks.check(
                f"bad token {token[:20]!r} gets 404 without a trace", status == 404 and "Traceback" not in body
            )
        statuses = [http_get(f"{url}/jmsc/training/certificate/burst-{i:04d}-0123456789ab")[0] for i in range(70)]
        checks.check("a burst of guesses gets 429", 429 in statuses, str(sorted(set(statuses))))
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

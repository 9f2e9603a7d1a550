# modules: jmsc_base
"""Least privilege on the migrant registry, from outside (JSON-RPC against a real server with workers).

- `officer.indramayu` (Regency Officer, demo) reads Indramayu migrants only: not Cirebon's, nor their
  documents; a forged context does not let them write the migration stage.
- A plain internal user, created here through admin RPC, reads no migrant, no relative of a migrant and no
  identity document, and cannot read the NIK field at all.
- `res.partner.jmsc_migrant_card` gives that plain user only the card, and still no read access.
"""

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Checks, JsonRpcClient, RpcError, odoo_server, parse_args  # noqa: E402

CARD_KEYS = {"match", "partner_id", "initials", "regency"}


def expect_error(call):
    """The RpcError raised by ``call``, or None when it succeeded."""
    try:
        call()
    except RpcError as exc:
        return exc
    return None


def main():
    args = parse_args()
    checks = Checks()
    with odoo_server(args.db, python=args.python, workers=2) as url:
        admin = JsonRpcClient(url, args.db, "admin", "admin")
        tag = uuid.uuid4().hex[:6]
        indramayu = admin.execute("jmsc.regency", "search", [("code", "=", "32.12")], limit=1)[0]
        cirebon = admin.execute("jmsc.regency", "search", [("code", "=", "32.09")], limit=1)[0]
        passport = admin.execute("ir.model.data", "check_object_reference", "jmsc_base", "doc_type_passport")[1]
        serial = int(tag, 16) % 9000 + 1000
        ids = {}
        for key, regency, code in (("mine", indramayu, "3212"), ("other", cirebon, "3209")):
            nik = f"{code}01{41 + serial % 28:02d}0{1 + serial % 9}85{serial:04d}"
            ids[key] = admin.execute(
                "res.partner",
                "create",
                {"name": "Eka Mulyani" if key == "mine" else "Budi Santoso", "is_migrant": True, "nik": nik,
                 "regency_id": regency},
            )  # fmt: skip
            ids[f"{key}_nik"] = nik
            ids[f"{key}_doc"] = admin.execute(
                "res.partner.id_number",
                "create",
                {"partner_id": ids[key], "category_id": passport, "name": f"X{tag}{key[:1]}".upper()},
            )
        ids["relative"] = admin.execute("res.partner", "create", {"name": f"Ext relative {tag}"})
        admin.execute(
            "jmsc.family.member",
            "create",
            {"partner_id": ids["other"], "member_id": ids["relative"], "relation": "mother"},
        )

        # --- the demo Regency Officer of Indramayu -----------------------------------------------------------
        officer = JsonRpcClient(url, args.db, "officer.indramayu", "officer.indramayu")
        migrants = officer.execute(
            "res.partner", "search_read", [("is_migrant", "=", True)], fields=["regency_id"], limit=0
        )
        checks.check(
            "officer.indramayu sees only Indramayu migrants",
            migrants and all(m["regency_id"] and m["regency_id"][0] == indramayu for m in migrants),
            str({m["regency_id"] and m["regency_id"][1] for m in migrants}),
        )
        seen = {m["id"] for m in migrants}
        checks.check("officer.indramayu sees the new Indramayu migrant", ids["mine"] in seen)
        checks.check("officer.indramayu does not list the Cirebon migrant", ids["other"] not in seen)
        error = expect_error(lambda: officer.execute("res.partner", "read", [ids["other"]], fields=["name", "nik"]))
        checks.check("officer.indramayu cannot read a Cirebon migrant", error and "AccessError" in error.name, error)
        error = expect_error(lambda: officer.execute("res.partner", "read", [ids["relative"]], fields=["name"]))
        checks.check(
            "officer.indramayu cannot read a Cirebon migrant's relative", error and "AccessError" in error.name
        )
        documents = officer.execute(
            "res.partner.id_number", "search", [("id", "in", [ids["mine_doc"], ids["other_doc"]])]
        )
        checks.check("officer.indramayu sees the Indramayu document only", documents == [ids["mine_doc"]], documents)
        error = expect_error(
            lambda: officer.execute(
                "res.partner",
                "write",
                [ids["mine"]],
                {"migration_stage": "abroad"},
                context={"jmsc_base_write_guard": True},
            )
        )
        checks.check("a forged context does not open the stage guard", error and "UserError" in error.name, error)
        stage = officer.execute("res.partner", "read", [ids["mine"]], fields=["migration_stage"])[0]["migration_stage"]
        checks.check("the stage did not move", stage == "prospective", stage)

        # --- a plain internal user ----------------------------------------------------------------------------
        login = f"ext_plain_{tag}"
        user_group = admin.execute("ir.model.data", "check_object_reference", "base", "group_user")[1]
        admin.execute(
            "res.users",
            "create",
            {"name": f"Plain {tag}", "login": login, "password": login, "groups_id": [(6, 0, [user_group])]},
        )
        plain = JsonRpcClient(url, args.db, login, login)
        count = plain.execute("res.partner", "search_count", [("is_migrant", "=", True)])
        checks.check("a plain internal user sees no migrant", count == 0, count)
        count = plain.execute("res.partner", "search_count", [("jmsc_is_relative", "=", True)])
        checks.check("a plain internal user sees no relative of a migrant", count == 0, count)
        count = plain.execute("res.partner.id_number", "search_count", [("partner_id.is_migrant", "=", True)])
        docs = plain.execute("res.partner.id_number", "search", [("id", "in", [ids["mine_doc"], ids["other_doc"]])])
        checks.check("a plain internal user sees no identity document", count == 0 and docs == [], (count, docs))
        error = expect_error(lambda: plain.execute("res.partner", "read", [ids["mine"]], fields=["name"]))
        checks.check("a plain internal user cannot read a migrant by id", error and "AccessError" in error.name)
        error = expect_error(lambda: plain.execute("res.partner", "search_read", [], fields=["nik"], limit=1))
        checks.check("a plain internal user cannot read the NIK field", error and "AccessError" in error.name)
        error = expect_error(lambda: plain.execute("jmsc.placement", "search", []))
        checks.check("a plain internal user cannot list placements", error and "AccessError" in error.name)

        # --- the minimal card ---------------------------------------------------------------------------------
        card = plain.execute("res.partner", "jmsc_migrant_card", ids["mine_nik"])
        checks.check("the card has only its four keys", set(card) == CARD_KEYS, card)
        checks.check(
            "the card matches with initials and regency",
            card.get("match") is True
            and card.get("partner_id") == ids["mine"]
            and card.get("initials") == "E. M."
            and card.get("regency") == "Kab. Indramayu",
            card,
        )
        error = expect_error(lambda: plain.execute("res.partner", "read", [ids["mine"]], fields=["name"]))
        checks.check("the card gives no read access", error and "AccessError" in error.name)
        error = expect_error(lambda: plain.execute("res.partner", "jmsc_migrant_card", "12345"))
        checks.check("a malformed NIK is refused with a clear message", error and "16" in str(error), error)
        unknown = f"3212010101{serial % 100:02d}{(serial + 1) % 9000 + 1000:04d}"
        registered = admin.execute("res.partner", "search_count", [("nik", "=", unknown)])
        card = plain.execute("res.partner", "jmsc_migrant_card", unknown)
        checks.check(
            "an unregistered NIK gives no match",
            registered or card == {"match": False, "partner_id": False, "initials": "", "regency": ""},
            card,
        )
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

"""The database-aware steps of `make run` (tools/run.sh), run with the Python that has Odoo 18.

    run_setup.py prepare --db DB --demo 0|1 --modules a,b --data .data
        Create the master password once (random; printed once; kept in .data/secrets/, mode 600), write
        the server's configuration .data/odoo.conf (mode 600; hashed master password; the database
        manager listed only for a demo database), and print `KEY=value` lines for the shell:
        DEMO (of the existing database, else the requested one), EXISTS, MISSING (modules to install).
    run_setup.py after-install --db DB --data .data --created 0|1
        Indonesian for everyone; the admin login: admin/admin on a demo database, else (on the database
        this run created) a random password, printed once and kept in .data/secrets/<db>.admin_password.

Secrets never go on a command line and never into the repository.
"""

import argparse
import configparser
import io
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_private(path, text):
    """Write a file only its owner can read (mode 600), atomically."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def new_password():
    return secrets.token_urlsafe(18)


def db_args():
    args = []
    if os.environ.get("PGHOST"):
        args += ["--db_host", os.environ["PGHOST"]]
    if os.environ.get("PGPORT"):
        args += ["--db_port", os.environ["PGPORT"]]
    return args


def load_odoo(conf):
    import odoo  # noqa: PLC0415 - only once the right Python is known

    odoo.tools.config.parse_config(["-c", str(conf), "--log-level", "warn", *db_args()])
    return odoo


def prepare(args):
    data = Path(args.data).resolve()
    secrets_dir = data / "secrets"
    secrets_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(secrets_dir, 0o700)
    master_file = secrets_dir / "master_password"
    if not master_file.exists():
        master = new_password()
        write_private(master_file, master + "\n")
        print(f"Master password (database manager), shown only now: {master}", file=sys.stderr)
        print(f"  kept in {master_file} (mode 600)", file=sys.stderr)
    master = master_file.read_text().strip()

    odoo = load_odoo(ROOT / "odoo.conf")
    import odoo.service.db as service_db  # noqa: PLC0415

    exists = service_db.exp_db_exist(args.db)
    demo = args.demo == "1"
    wanted = [m for m in args.modules.split(",") if m]
    missing = wanted
    if exists:
        with odoo.sql_db.db_connect(args.db).cursor() as cr:
            cr.execute("SELECT demo FROM ir_module_module WHERE name = 'base'")
            row = cr.fetchone()
            demo = bool(row and row[0])
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", [wanted])
            installed = {name for (name,) in cr.fetchall()}
        missing = [m for m in wanted if m not in installed]

    parser = configparser.RawConfigParser()
    parser.read(ROOT / "odoo.conf")
    odoo.tools.config.set_admin_password(master)
    options = parser["options"]
    options["admin_passwd"] = odoo.tools.config["admin_passwd"]  # a pbkdf2 hash, never the password
    options["list_db"] = "True" if demo else "False"
    options["dbfilter"] = f"^{args.db}$"
    options["without_demo"] = "False" if demo else "all"
    options["addons_path"] = str(ROOT / "addons")
    buffer = io.StringIO()
    buffer.write("; Written by tools/run_setup.py for `make run` from odoo.conf; holds the master password's hash.\n")
    parser.write(buffer)
    write_private(data / "odoo.conf", buffer.getvalue())
    print(f"DEMO={int(demo)}")
    print(f"EXISTS={int(bool(exists))}")
    print(f"MISSING={','.join(missing)}")


def after_install(args):
    data = Path(args.data).resolve()
    odoo = load_odoo(data / "odoo.conf")
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["res.lang"]._activate_lang("id_ID")
        env["ir.default"].set("res.partner", "lang", "id_ID")
        env["res.users"].with_context(active_test=False).search([]).write({"lang": "id_ID"})
        demo = env["ir.module.module"].search([("name", "=", "base")]).demo
        admin = env.ref("base.user_admin")
        if demo:
            admin.write({"login": "admin", "password": "admin"})
        elif args.created == "1":
            password = new_password()
            admin.write({"login": "admin", "password": password})
            path = data / "secrets" / f"{args.db}.admin_password"
            write_private(path, password + "\n")
            print(f"Login admin / {password} on database '{args.db}', shown only now", file=sys.stderr)
            print(f"  kept in {path} (mode 600)", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare")
    prep.add_argument("--db", required=True)
    prep.add_argument("--demo", choices=["0", "1"], default="1")
    prep.add_argument("--modules", default="")
    prep.add_argument("--data", required=True)
    after = sub.add_parser("after-install")
    after.add_argument("--db", required=True)
    after.add_argument("--data", required=True)
    after.add_argument("--created", choices=["0", "1"], default="0")
    args = parser.parse_args()
    {"prepare": prepare, "after-install": after_install}[args.command](args)


if __name__ == "__main__":
    main()

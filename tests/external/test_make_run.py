# modules: jmsc_base
"""`make run` on a fresh machine, for real data: durable cluster and secrets.

Runs tools/run.sh as `make run DEMO=0 MODULES=base` would (base only: the mechanics are the
same and it stays quick), with JMSC_DATA in a temporary folder, so that it starts its own
private cluster (tools/pg.sh run) on a free port, and its own server:
- a non-durable server (the throwaway test cluster) is refused by `make run`;
- the cluster `make run` started reports fsync, synchronous_commit and full_page_writes on;
- a database created without demo data gets a random master password and a random admin
  password, printed once and kept only in .data/secrets/ (mode 600); `admin` is neither;
  the server's configuration (mode 600) holds only the master password's hash and list_db = False;
- `make stop` stops the server and that cluster.
"""

import os
import re
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, Checks, JsonRpcClient, RpcError, free_port, parse_args  # noqa: E402


def psql(port, query):
    return subprocess.run(
        ["psql", "-X", "-h", "localhost", "-p", str(port), "-U", "odoo", "-d", "postgres", "-tAc", query],
        env={**os.environ, "PGPASSWORD": "odoo"},
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def main():
    args = parse_args()
    checks = Checks()
    tmp = Path(tempfile.mkdtemp(prefix="jmsc-run-"))
    tmp.chmod(0o755)  # the postgres OS user must reach the cluster started in there
    data = tmp / "data"
    pg_port, http_port = free_port(), free_port()
    db = f"jmsc_run_{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PYTHON": args.python, "JMSC_DATA": str(data), "JMSC_HTTP_PORT": str(http_port)}
    env.update(PGHOST="localhost", PGPORT=str(pg_port), DEMO="0", MODULES="base")
    try:
        # The throwaway test cluster (fsync off) must not be accepted for `make run`.
        test_port = os.environ.get("PGPORT", "5432")
        if psql(test_port, "SHOW fsync") == "off":
            refused = subprocess.run(
                ["bash", "tools/pg.sh", "run"],
                cwd=ROOT,
                env={**env, "PGPORT": test_port},
                capture_output=True,
                text=True,
                check=False,
            )
            checks.check(
                "make run refuses a PostgreSQL server running with fsync = off",
                refused.returncode != 0 and "not durable" in refused.stderr,
                refused.stderr[-300:],
            )

        started = time.time()
        run = subprocess.run(
            ["bash", "tools/run.sh", db], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
        )
        output = run.stdout + run.stderr
        print(f"(make run DEMO=0 MODULES=base took {time.time() - started:.0f} s)")
        checks.check("make run DEMO=0 starts", run.returncode == 0, output[-1500:])
        durability = psql(
            pg_port,
            "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings "
            "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')",
        )
        checks.check(
            "the make-run cluster reports fsync, synchronous_commit and full_page_writes on",
            durability == "fsync=on full_page_writes=on synchronous_commit=on",
            durability,
        )

        secrets_dir = data / "secrets"
        master_file, admin_file = secrets_dir / "master_password", secrets_dir / f"{db}.admin_password"
        master = master_file.read_text().strip() if master_file.exists() else ""
        admin_password = admin_file.read_text().strip() if admin_file.exists() else ""
        checks.check(
            "a random master password, printed once",
            len(master) >= 20 and master != "admin" and output.count(master) == 1,
            f"len={len(master)}",
        )
        checks.check(
            "a random admin password on the database without demo data, printed once",
            len(admin_password) >= 20 and admin_password != "admin" and output.count(admin_password) == 1,
        )
        checks.check(
            "secrets kept only in .data/secrets/ (folder 700, files 600)",
            mode(secrets_dir) == 0o700 and mode(master_file) == 0o600 and mode(admin_file) == 0o600,
        )
        conf_file = data / "odoo.conf"
        conf = conf_file.read_text()
        stored = re.search(r"^admin_passwd = (.*)$", conf, re.M)[1]
        from passlib.context import CryptContext  # noqa: PLC0415 - Odoo's own dependency

        context = CryptContext(["pbkdf2_sha512", "plaintext"])
        checks.check(
            "the server's configuration is private and holds a hash: the master password is not admin",
            mode(conf_file) == 0o600
            and stored.startswith("$pbkdf2-sha512$")
            and master not in conf
            and context.verify(master, stored)
            and not context.verify("admin", stored),
        )
        checks.check("list_db = False outside the demo", re.search(r"^list_db = False$", conf, re.M) is not None)
        checks.check("no admin/admin announced for a database without demo data", "admin / admin" not in output)

        url = f"http://127.0.0.1:{http_port}"
        try:
            JsonRpcClient(url, db, "admin", "admin")
            checks.check("admin / admin is refused", False)
        except RuntimeError:
            checks.check("admin / admin is refused", True)
        try:
            client = JsonRpcClient(url, db, "admin", admin_password)
            demo = client.execute("ir.module.module", "search_read", [("name", "=", "base")], fields=["demo"])
            checks.check(
                "admin logs in with the generated password; no demo data", len(demo) == 1 and demo[0]["demo"] is False
            )
        except (RuntimeError, RpcError, OSError) as exc:
            checks.check("admin logs in with the generated password; no demo data", False, str(exc))
        try:
            listed = JsonRpcClient.__new__(JsonRpcClient)
            listed.url = url
            listed.call("db", "list")
            checks.check("the database manager does not list databases", False)
        except RpcError:
            checks.check("the database manager does not list databases", True)
    finally:
        stop = subprocess.run(["bash", "tools/stop.sh"], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        print(stop.stdout.strip())
        subprocess.run(["rm", "-rf", str(tmp)], check=False)
        from odoo.tools import config  # noqa: PLC0415 - where the database's filestore went

        config.parse_config(["-c", str(ROOT / "odoo.conf")])
        subprocess.run(["rm", "-rf", config.filestore(db)], check=False)
    checks.check("make stop stops the server and the cluster it started", "stopped" in stop.stdout)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

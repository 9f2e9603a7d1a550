# modules: jmsc_base
"""Backup -> drop -> restore of the test database gives back the same data.

`tools/backup.py backup` (what `make backup` runs) archives the test database and its filestore;
the database and its filestore are then dropped, and `tools/backup.py restore` (what
`make restore FILE=...` runs) brings them back under the same name. Every table must have the same
number of rows and every stored attachment the same SHA-1 (Odoo's own checksum of the content).
Also: restoring over an existing database is refused without --force (FORCE=1), and a tampered
archive (checksum mismatch) is refused. The later external checks then run on the restored database.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, Checks, parse_args  # noqa: E402


def connect(config, db):
    import psycopg2  # noqa: PLC0415 - Odoo's dependency, in the suite's Python

    return psycopg2.connect(
        dbname=db,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )


def snapshot(config, db):
    """Row count of every table, and SHA-1 of every stored attachment's file."""
    conn = connect(config, db)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
            )
            tables = [name for (name,) in cr.fetchall()]
            counts = {}
            for table in tables:
                cr.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - names from the catalogue
                counts[table] = cr.fetchone()[0]
            cr.execute("SELECT id, store_fname, checksum FROM ir_attachment WHERE store_fname IS NOT NULL")
            attachments = cr.fetchall()
    finally:
        conn.close()
    filestore = Path(config.filestore(db))
    files = {}
    for att_id, fname, _checksum in attachments:
        path = filestore / fname
        files[att_id] = hashlib.sha1(path.read_bytes()).hexdigest() if path.exists() else None  # noqa: S324
    return counts, files, attachments


def drop(config, db):
    conn = connect(config, "postgres")
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    conn.close()
    shutil.rmtree(config.filestore(db), ignore_errors=True)


def main():
    args = parse_args()
    checks = Checks()
    import odoo  # noqa: PLC0415

    config = odoo.tools.config
    conf_args = ["-c", str(ROOT / "odoo.conf")]
    if os.environ.get("PGHOST"):
        conf_args += ["--db_host", os.environ["PGHOST"]]
    if os.environ.get("PGPORT"):
        conf_args += ["--db_port", os.environ["PGPORT"]]
    config.parse_config(conf_args)
    tool = [args.python, str(ROOT / "tools" / "backup.py")]
    tmp = Path(tempfile.mkdtemp(prefix="jmsc-backup-test-"))
    try:
        counts, files, attachments = snapshot(config, args.db)
        stored = [sha for sha in files.values() if sha]
        consistent = all(files[att_id] == checksum for att_id, _fname, checksum in attachments)
        print(f"{len(counts)} tables, {sum(counts.values())} rows, {len(stored)} stored attachments")
        checks.check(
            "the test database has rows and stored attachments whose files match their checksums",
            len(counts) > 100 and stored and consistent,
        )

        made = subprocess.run([*tool, "backup", "--db", args.db, "--dir", str(tmp)], capture_output=True, text=True)
        archives = sorted(tmp.glob(f"{args.db}-*.tar"))
        checks.check(
            "backup writes one archive and its .sha256",
            made.returncode == 0 and len(archives) == 1 and Path(f"{archives[0]}.sha256").exists(),
            made.stdout + made.stderr[-1000:],
        )
        if not archives:
            return checks.finish()
        archive = archives[0]

        refused = subprocess.run([*tool, "restore", "--file", str(archive)], capture_output=True, text=True)
        checks.check(
            "restore refuses to overwrite the existing database without FORCE",
            refused.returncode != 0 and "refusing to overwrite" in refused.stderr,
            refused.stderr[-500:],
        )

        tampered = tmp / "tampered" / archive.name
        tampered.parent.mkdir()
        shutil.copy(archive, tampered)
        shutil.copy(f"{archive}.sha256", f"{tampered}.sha256")
        with open(tampered, "r+b") as handle:
            handle.seek(archive.stat().st_size // 2)
            byte = handle.read(1)
            handle.seek(-1, 1)
            handle.write(bytes([byte[0] ^ 0xFF]))
        bad = subprocess.run(
            [*tool, "restore", "--file", str(tampered), "--db", f"{args.db}_tampered"], capture_output=True, text=True
        )
        checks.check(
            "restore refuses an archive that does not match its SHA-256",
            bad.returncode != 0 and "does not match its SHA-256" in bad.stderr,
            bad.stderr[-500:],
        )

        drop(config, args.db)
        restored = subprocess.run([*tool, "restore", "--file", str(archive)], capture_output=True, text=True)
        checks.check("restore after drop succeeds", restored.returncode == 0, restored.stdout + restored.stderr[-1500:])
        counts_after, files_after, _ = snapshot(config, args.db)
        differing = [t for t in set(counts) | set(counts_after) if counts.get(t) != counts_after.get(t)]
        checks.check("same row count in every table", not differing, f"differing: {sorted(differing)[:10]}")
        checks.check(
            "same checksum for every attachment's file",
            files == files_after,
            f"{sum(1 for k in files if files[k] != files_after.get(k))} differ",
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

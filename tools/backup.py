"""Back up and restore a JMSC database with its filestore (`make backup`, `make restore`).

    backup.py backup --db jmsc [--dir .data/backups] [--keep N]
        Writes <dir>/<db>-<UTC timestamp>.tar holding dump.pgdump (pg_dump custom format),
        filestore.tar.gz (the attachments: scans, documents), manifest.json and SHA256SUMS,
        and next to it <archive>.sha256. The database is dumped first, then the filestore, so
        every file the dump refers to is there. --keep N deletes all but the N newest of <db>.
    backup.py restore --file ARCHIVE [--db NAME] [--force]
        Checks the archive's SHA-256 (the .sha256 file) and its inner SHA256SUMS, then restores
        into NAME (default: the database it came from), which must not exist (nor its
        filestore) unless --force, which drops them first.

Run with the Python that has Odoo 18: the connection and the filestore's place come from Odoo's
configuration (odoo.conf, or -c FILE; PGHOST/PGPORT override it).
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_config(conf):
    import odoo  # noqa: PLC0415 - the right Python is chosen by the caller

    args = ["-c", str(conf)]
    if os.environ.get("PGHOST"):
        args += ["--db_host", os.environ["PGHOST"]]
    if os.environ.get("PGPORT"):
        args += ["--db_port", os.environ["PGPORT"]]
    odoo.tools.config.parse_config(args)
    return odoo.tools.config


def odoo_version():
    from odoo import release  # noqa: PLC0415

    return release.version


def extract(tar, dest):
    """Extract without letting members escape dest (the "data" filter where Python has it)."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, filter="data")
    else:
        for member in tar.getmembers():
            if member.name.startswith("/") or ".." in Path(member.name).parts or member.issym() or member.islnk():
                sys.exit(f"restore: unsafe path in archive: {member.name}")
        tar.extractall(dest)  # noqa: S202 - checked above


def pg_tool(name):
    """The newest server's client tool (pg_dump must not be older than the server), else PATH."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    return str(candidates[-1]) if candidates else name


def pg_env(config):
    env = dict(os.environ)
    env["PGHOST"] = config["db_host"] or env.get("PGHOST", "")
    env["PGPORT"] = str(config["db_port"] or env.get("PGPORT", "5432"))
    env["PGUSER"] = config["db_user"] or env.get("PGUSER", "")
    if config["db_password"]:
        env["PGPASSWORD"] = config["db_password"]
    return {key: value for key, value in env.items() if value}


def psql(config, query, db="postgres"):
    proc = subprocess.run(
        [pg_tool("psql"), "-X", "-d", db, "-tAc", query], env=pg_env(config), capture_output=True, text=True, check=True
    )
    return proc.stdout.strip()


def db_exists(config, db):
    return psql(config, f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"


def backup(args, config):
    db = args.db
    if not db_exists(config, db):
        sys.exit(f"backup: database '{db}' does not exist")
    out_dir = Path(args.dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o700)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    archive = out_dir / f"{db}-{stamp}.tar"
    with tempfile.TemporaryDirectory(prefix="jmsc-backup-") as tmp:
        tmp = Path(tmp)
        subprocess.run(
            [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp / "dump.pgdump"), db],
            env=pg_env(config),
            check=True,
        )
        filestore = Path(config.filestore(db))
        with tarfile.open(tmp / "filestore.tar.gz", "w:gz", compresslevel=6) as tar:
            if filestore.is_dir():
                tar.add(filestore, arcname="filestore")
        modules = psql(
            config, "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module WHERE state = 'installed'", db
        )
        manifest = {
            "db": db,
            "created": stamp,
            "server_version": psql(config, "SHOW server_version"),
            "odoo": odoo_version(),
            "modules": modules.split(","),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1))
        names = ["dump.pgdump", "filestore.tar.gz", "manifest.json"]
        (tmp / "SHA256SUMS").write_text("".join(f"{sha256(tmp / n)}  {n}\n" for n in names))
        partial = archive.with_suffix(".tar.part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as tar:
            for name in [*names, "SHA256SUMS"]:
                tar.add(tmp / name, arcname=name)
        partial.rename(archive)
    Path(f"{archive}.sha256").write_text(f"{sha256(archive)}  {archive.name}\n")
    size = archive.stat().st_size / 1e6
    print(f"backup: {archive} ({size:.1f} MB), checksum in {archive.name}.sha256")
    if args.keep:
        mine = re.compile(rf"^{re.escape(db)}-\d{{8}}T\d{{6}}Z\.tar$")
        old = sorted(p for p in out_dir.iterdir() if mine.match(p.name))[: -args.keep]
        for path in old:
            path.unlink()
            Path(f"{path}.sha256").unlink(missing_ok=True)
            print(f"backup: removed {path.name} (keeping the {args.keep} newest)")
    return archive


def restore(args, config):
    archive = Path(args.file).resolve()
    sum_file = Path(f"{archive}.sha256")
    if not archive.is_file():
        sys.exit(f"restore: {archive} not found")
    if not sum_file.is_file():
        sys.exit(f"restore: {sum_file.name} not found next to the archive: refusing an unchecked archive")
    expected = sum_file.read_text().split()[0]
    if sha256(archive) != expected:
        sys.exit(f"restore: {archive.name} does not match its SHA-256 ({sum_file.name}): refusing")
    with tempfile.TemporaryDirectory(prefix="jmsc-restore-") as tmp:
        tmp = Path(tmp)
        with tarfile.open(archive) as tar:
            extract(tar, tmp)
        for line in (tmp / "SHA256SUMS").read_text().splitlines():
            digest, name = line.split(maxsplit=1)
            if sha256(tmp / name) != digest:
                sys.exit(f"restore: {name} inside the archive does not match SHA256SUMS: refusing")
        manifest = json.loads((tmp / "manifest.json").read_text())
        db = args.db or manifest["db"]
        filestore = Path(config.filestore(db))
        if db_exists(config, db) or filestore.exists():
            if not args.force:
                sys.exit(
                    f"restore: database '{db}' (or its filestore {filestore}) exists: refusing to overwrite it. "
                    f"Pass DB=<new name>, or FORCE=1 to replace it."
                )
            print(f"restore: FORCE: dropping database '{db}' and its filestore")
            psql(config, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            shutil.rmtree(filestore, ignore_errors=True)
        psql(config, f"CREATE DATABASE \"{db}\" ENCODING 'unicode' LC_COLLATE 'C' TEMPLATE template0")
        subprocess.run(
            [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", db, str(tmp / "dump.pgdump")],
            env=pg_env(config),
            check=True,
        )
        filestore.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tmp / "filestore.tar.gz") as tar:
            extract(tar, tmp / "fs")
        if (tmp / "fs" / "filestore").is_dir():
            shutil.move(str(tmp / "fs" / "filestore"), filestore)
        else:
            filestore.mkdir()
    print(f"restore: database '{db}' and its filestore restored from {archive.name}")
    return db


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-c", "--config", default=str(ROOT / "odoo.conf"))
    sub = parser.add_subparsers(dest="command", required=True)
    back = sub.add_parser("backup")
    back.add_argument("--db", required=True)
    back.add_argument("--dir", default=str(ROOT / ".data" / "backups"))
    back.add_argument("--keep", type=int, default=0, help="keep only the N newest archives of this database")
    rest = sub.add_parser("restore")
    rest.add_argument("--file", required=True)
    rest.add_argument("--db")
    rest.add_argument("--force", action="store_true")
    args = parser.parse_args()
    config = load_config(args.config)
    {"backup": backup, "restore": restore}[args.command](args, config)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Run the JMSC test suite on a throwaway database and summarise the result.

1. make sure PostgreSQL answers: PGHOST/PGPORT when set, else the private
   throwaway test cluster (tools/pg.sh test: localhost:55432, data in
   .data/pg-test, durability off for speed; never the cluster of `make run`);
2. install the OCA and Odoo dependencies without tests, with id_ID loaded;
3. install the JMSC addons with --test-enable, tests limited to jmsc_* tags;
4. run the out-of-process checks in tests/external (real servers and clients);
5. drop the database and print per-module counts, then `N passed, N failed`.

The exit code is non-zero on any failed or erroring test, or on any ERROR or
CRITICAL log line.
"""

import argparse
import ast
import collections
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>\S+): (?P<msg>.*)$")
TEST_LOGGER = re.compile(r"^odoo\.addons\.(?P<module>\w+)\.tests")
STARTING = re.compile(r"^Starting (?P<test>[\w.]+) \.\.\.$")
FAILED = re.compile(r"^(?:FAIL|ERROR): (?:Subtest )?(?P<test>[\w.]+)")
SKIPPED = re.compile(r"^skipped (?P<test>[\w.]+) :")


def jmsc_modules():
    return sorted(p.name for p in ADDONS.iterdir() if (p / "__manifest__.py").exists())


def manifest(module):
    return ast.literal_eval((ADDONS / module / "__manifest__.py").read_text())


def with_jmsc_dependencies(modules):
    """Selected modules plus the JMSC modules they depend on."""
    seen, todo = set(), list(modules)
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        todo += [d for d in manifest(mod).get("depends", []) if (ADDONS / d).exists()]
    return sorted(seen)


def external_dependencies(modules):
    deps = set()
    for mod in modules:
        deps |= {d for d in manifest(mod).get("depends", []) if not (ADDONS / d).exists()}
    return sorted(deps)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_cmd(python, db, port, *extra):
    return [
        python,
        "-m",
        "odoo",
        "-c",
        str(ROOT / "odoo.conf"),
        "--addons-path",
        str(ADDONS),
        "-d",
        db,
        "--http-port",
        str(port),
        "--gevent-port",
        str(free_port()),
        "--workers",
        "0",
        "--max-cron-threads",
        "0",
        "--no-database-list",
        "--stop-after-init",
        *db_server_args(),
        *extra,
    ]


def db_server_args():
    """PGHOST/PGPORT, when set, override odoo.conf (tools/pg.sh honours them too)."""
    args = []
    if os.environ.get("PGHOST"):
        args += ["--db_host", os.environ["PGHOST"]]
    if os.environ.get("PGPORT"):
        args += ["--db_port", os.environ["PGPORT"]]
    return args


def run_logged(cmd, log_path, echo):
    """Run Odoo, keep the whole log, echo only what a reader needs."""
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in proc.stdout:
            log.write(line)
            match = LOG_LINE.match(line)
            level = match["level"] if match else ""
            if (
                echo == "all"
                or level in ("WARNING", "ERROR", "CRITICAL")
                or (match and TEST_LOGGER.match(match["logger"]) and match["msg"].startswith("Starting "))
                or not match
            ):
                sys.stdout.write(line)
                sys.stdout.flush()
        return proc.wait()


def parse_log(log_path):
    started = collections.defaultdict(set)
    failed = collections.defaultdict(set)
    skipped = collections.defaultdict(set)
    bad_lines = []
    for line in Path(log_path).read_text(errors="replace").splitlines():
        line = line.rstrip()
        match = LOG_LINE.match(line)
        if not match:
            continue
        if match["level"] in ("ERROR", "CRITICAL"):
            bad_lines.append(line)
        test_logger = TEST_LOGGER.match(match["logger"])
        if not test_logger:
            continue
        module = test_logger["module"]
        msg = match["msg"]
        for regex, bucket in ((STARTING, started), (FAILED, failed), (SKIPPED, skipped)):
            found = regex.match(msg)
            if found:
                bucket[module].add(found["test"])
    return started, failed, skipped, bad_lines


def run_external(python, modules, db):
    """Out-of-process checks: each tests/external/test_*.py prints `N passed, N failed`.

    They get the throwaway database that holds every installed module and start
    their own servers (with workers) and clients against it.
    """
    passed = failed = 0
    names = []
    for script in sorted((ROOT / "tests" / "external").glob("test_*.py")):
        needs = re.search(r"^# modules: (.*)$", script.read_text(), re.M)
        wanted = needs[1].split() if needs else []
        if not set(wanted) <= set(modules):
            continue
        print(f"== external: {script.name}", flush=True)
        proc = subprocess.run(
            [python, str(script), "--db", db],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        sys.stdout.write(proc.stdout)
        counts = re.findall(r"^(\d+) passed, (\d+) failed", proc.stdout, re.M)
        if counts:
            passed += int(counts[-1][0])
            failed += int(counts[-1][1])
        names += [f"{script.name}: {name}" for name in re.findall(r"^FAILED: (.*)$", proc.stdout, re.M)]
        if proc.returncode and not (counts and int(counts[-1][1])):
            failed += 1
            names.append(f"{script.name}: exited with {proc.returncode}")
            print(f"external check {script.name} exited with {proc.returncode}")
    return passed, failed, names


def use_test_server():
    """PGHOST/PGPORT when the caller set them, else the throwaway test cluster.

    Exported, so that every child (Odoo, tests/external checks) talks to the same server.
    """
    if not (os.environ.get("PGHOST") or os.environ.get("PGPORT")):
        os.environ["PGHOST"] = "localhost"
        os.environ["PGPORT"] = os.environ.get("JMSC_TEST_PGPORT", "55432")
    subprocess.run(["bash", str(ROOT / "tools" / "pg.sh"), "test"], check=True)


def drop_db(python, db):
    code = (
        "import odoo, odoo.service.db as d, sys\n"
        f"odoo.tools.config.parse_config(['-c', {str(ROOT / 'odoo.conf')!r}, *{db_server_args()!r}])\n"
        "odoo.tools.config['list_db'] = True  # odoo.conf does not list databases; exp_drop needs it\n"
        f"d.exp_drop({db!r}) if d.exp_db_exist({db!r}) else None\n"
    )
    subprocess.run([python, "-c", code], cwd=ROOT, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", default="", help="comma-separated jmsc modules (default: all)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="echo the whole Odoo log")
    args = parser.parse_args()

    selected = [m for m in args.modules.replace(",", " ").split() if m] or jmsc_modules()
    unknown = [m for m in selected if not (ADDONS / m / "__manifest__.py").exists()]
    if unknown:
        sys.exit(f"unknown JMSC module(s): {', '.join(unknown)}")
    to_install = with_jmsc_dependencies(selected)
    deps = external_dependencies(to_install)

    use_test_server()
    db = f"jmsc_test_{os.getpid()}_{int(time.time())}"
    logdir = ROOT / ".data" / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    echo = "all" if args.verbose else "short"
    rc_total = 0
    try:
        print(f"== installing dependencies without tests: {', '.join(deps)}", flush=True)
        rc = run_logged(
            odoo_cmd(
                args.python, db, free_port(), "-i", ",".join(deps), "--load-language", "id_ID", "--log-level", "info"
            ),
            logdir / f"{db}-deps.log",
            echo,
        )
        _, _, _, dep_errors = parse_log(logdir / f"{db}-deps.log")
        if rc or dep_errors:
            print(f"dependency install failed (exit {rc}); see {logdir / (db + '-deps.log')}")
            print("0 passed, 1 failed")
            return 1
        tags = ",".join(f"/{m}" for m in selected)
        print(f"== installing and testing: {', '.join(to_install)} (tags {tags})", flush=True)
        log_path = logdir / f"{db}-tests.log"
        rc_total = run_logged(
            odoo_cmd(
                args.python,
                db,
                free_port(),
                "-i",
                ",".join(to_install),
                "--test-enable",
                "--test-tags",
                tags,
                "--log-level",
                "info",
            ),
            log_path,
            echo,
        )
        started, failed, skipped, bad_lines = parse_log(log_path)
        ext_passed, ext_failed, ext_names = run_external(args.python, to_install, db)
    finally:
        if not args.keep_db:
            drop_db(args.python, db)

    total_passed = total_failed = total_skipped = 0
    print("\n== results per module")
    for module in sorted(set(started) | set(failed)):
        n_fail = len(failed[module])
        n_skip = len(skipped[module] - failed[module])
        n_pass = len(started[module] - failed[module] - skipped[module])
        total_passed += n_pass
        total_failed += n_fail
        total_skipped += n_skip
        print(f"{module}: {n_pass} passed, {n_fail} failed, {n_skip} skipped")
        for test in sorted(failed[module]):
            print(f"    failed: {module}: {test}")
    total_passed += ext_passed
    total_failed += ext_failed
    if ext_passed or ext_failed:
        print(f"external: {ext_passed} passed, {ext_failed} failed")
        for name in ext_names:
            print(f"    failed: external: {name[:300]}")
    unexplained = [line for line in bad_lines if not FAILED.search(line.split(": ", 1)[-1])]
    if bad_lines:
        print(f"\n{len(bad_lines)} ERROR/CRITICAL log line(s) in {log_path}:")
        for line in bad_lines[:20]:
            print("    " + line[:300])
    if rc_total and not total_failed and not unexplained:
        print(f"odoo exited with {rc_total}")
    if not total_passed and not total_failed:
        print("no test ran")
        total_failed += 1
    summary = f"{total_passed} passed, {total_failed} failed"
    if total_skipped:
        summary += f", {total_skipped} skipped"
    print(summary)
    return 1 if (total_failed or bad_lines or rc_total) else 0


if __name__ == "__main__":
    sys.exit(main())

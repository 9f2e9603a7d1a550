"""Helpers for out-of-process checks: a real Odoo server with workers, and JSON-RPC clients.

A check script starts a server on the throwaway test database that run_suite.py
passes with --db, talks to it over HTTP on loopback only, and prints a last line
`N passed, N failed`.
"""

import argparse
import contextlib
import itertools
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_ids = itertools.count(1)


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="database with the JMSC modules installed")
    parser.add_argument("--python", default=sys.executable)
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def odoo_server(db, python=sys.executable, workers=2, timeout=120):
    """Run `odoo` with real worker processes on loopback; yield its base URL."""
    port = free_port()
    log = open(ROOT / ".data" / "logs" / f"{db}-server-{port}.log", "w")
    cmd = [
        python, "-m", "odoo", "-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"),
        "-d", db, "--db-filter", f"^{db}$", "--http-interface", "127.0.0.1", "--http-port", str(port),
        "--gevent-port", str(free_port()), "--workers", str(workers), "--max-cron-threads", "0",
        "--limit-time-real", "300", "--limit-time-cpu", "300", "--no-database-list",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/web/login", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"odoo server did not start; see {log.name}") from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


class JsonRpcClient:
    """A minimal JSON-RPC client for /jsonrpc (the `object` and `common` services)."""

    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url, db, password
        self.uid = self.call("common", "login", db, login, password)
        if not self.uid:
            raise RuntimeError(f"login failed for {login}")

    def call(self, service, method, *args):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids),
                   "params": {"service": service, "method": method, "args": args}}  # fmt: skip
        request = urllib.request.Request(
            f"{self.url}/jsonrpc", json.dumps(payload).encode(), {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            body = json.loads(response.read())
        if body.get("error"):
            raise RpcError(body["error"])
        return body["result"]

    def execute(self, model, method, *args, **kwargs):
        return self.call("object", "execute_kw", self.db, self.uid, self.password, model, method, list(args), kwargs)


class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data") or {}
        super().__init__(data.get("message") or error.get("message"))
        self.name = data.get("name", "")


class Checks:
    """Collects named checks and prints the closing `N passed, N failed` line."""

    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok: {name}")
        else:
            self.failed += 1
            print(f"FAILED: {name} {detail}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0

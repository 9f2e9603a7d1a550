"""Helpers for out-of-process checks: a real Odoo server with workers, and JSON-RPC clients.

A check script starts a server on the throwaway test database that run_suite.py
passes with --db, talks to it over HTTP on loopback only, and prints a last line
`N passed, N failed`.
"""

import argparse
import contextlib
import itertools
import json
import os
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


def db_server_args():
    """PGHOST/PGPORT, when set (run_suite.py sets them), override odoo.conf."""
    args = []
    if os.environ.get("PGHOST"):
        args += ["--db_host", os.environ["PGHOST"]]
    if os.environ.get("PGPORT"):
        args += ["--db_port", os.environ["PGPORT"]]
    return args


class ServerUrl(str):
    """The base URL of a server started by odoo_server(); also carries its log path and process."""

    log_path = None
    proc = None


@contextlib.contextmanager
def odoo_server(db, python=sys.executable, workers=2, timeout=120, extra_args=(), env=None):
    """Run `odoo` with real worker processes on loopback; yield its base URL.

    extra_args come last on the command line (so they override the defaults, e.g.
    "--max-cron-threads", "1"); env adds environment variables for the server.
    """
    port = free_port()
    (ROOT / ".data" / "logs").mkdir(parents=True, exist_ok=True)
    log = open(ROOT / ".data" / "logs" / f"{db}-server-{port}.log", "w")
    cmd = [
        python, str(ROOT / "tools" / "odoo_server.py"),
        "-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"),
        "-d", db, "--db-filter", f"^{db}$", "--http-interface", "127.0.0.1", "--http-port", str(port),
        "--gevent-port", str(free_port()), "--workers", str(workers), "--max-cron-threads", "0",
        "--limit-time-real", "300", "--limit-time-cpu", "300", "--no-database-list",
    ]  # fmt: skip
    cmd += [*db_server_args(), *extra_args]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    url = ServerUrl(f"http://127.0.0.1:{port}")
    url.log_path, url.proc = Path(log.name), proc
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


class WebSession:
    """A browser-like client of the web client's JSON routes: a session cookie it can carry
    from one server to another (as a load balancer without sticky sessions would)."""

    def __init__(self, url):
        self.url = url
        self.session_id = None

    def request(self, path, payload=None, url=None, raw=False):
        """POST JSON (payload given) or GET; return the JSON result, or the body when raw."""
        headers = {"Cookie": f"session_id={self.session_id}"} if self.session_id else {}
        data = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps({"jsonrpc": "2.0", "method": "call", "id": next(_ids), "params": payload}).encode()
        request = urllib.request.Request(f"{url or self.url}{path}", data, headers)
        with urllib.request.urlopen(request, timeout=120) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith("session_id="):
                    self.session_id = header.split(";", 1)[0].split("=", 1)[1]
            body = response.read()
        if raw:
            return body
        body = json.loads(body)
        if body.get("error"):
            raise RpcError(body["error"])
        return body["result"]

    def authenticate(self, db, login, password, url=None):
        return self.request("/web/session/authenticate", {"db": db, "login": login, "password": password}, url=url)

    def call_kw(self, model, method, args, kwargs=None, url=None):
        payload = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        return self.request(f"/web/dataset/call_kw/{model}/{method}", payload, url=url)


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


def pg_connect(db):
    """A psycopg2 connection to db, made as the servers make theirs (odoo.conf; PGHOST/PGPORT override)."""
    import configparser  # noqa: PLC0415

    import psycopg2  # noqa: PLC0415 - Odoo's dependency, present in the suite's Python

    options = configparser.RawConfigParser()
    options.read(ROOT / "odoo.conf")
    conf = options["options"]
    return psycopg2.connect(
        dbname=db,
        host=os.environ.get("PGHOST") or conf.get("db_host"),
        port=os.environ.get("PGPORT") or conf.get("db_port"),
        user=conf.get("db_user"),
        password=conf.get("db_password"),
    )

# modules: jmsc_base
"""Scale-out rehearsal: two Odoo servers on one database and one shared filestore.

As two hosts behind a load balancer without sticky sessions would be:
- server A and server B each run with 2 HTTP worker processes, on the same database and the same
  data_dir (sessions and filestore), a fresh temporary folder passed to both with --data-dir;
- only A runs background work: A has one cron worker and the queue_job runner (queue_job loaded
  server-wide, as in odoo.conf); B runs with --max-cron-threads 0 and --load base,web (no runner);
- a client sends each request to the other server in turn (A, B, A, B, ...).
Checks: a login made on A is valid on B (and the reverse); an attachment uploaded through one server
is downloaded, byte for byte, through the other; a cron job due now runs exactly once (on A), and a
queue_job job runs exactly once (A's runner), although both servers are up and serve requests.
queue_job is installed into the test database first if it is not there.
"""

import base64
import datetime
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    ROOT,
    Checks,
    RpcError,
    WebSession,
    db_server_args,
    free_port,
    odoo_server,
    parse_args,
    pg_connect,
)


def sql(db, query, params=None):
    conn = pg_connect(db)
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall() if cr.description else None
    finally:
        conn.close()


def ensure_queue_job(python, db):
    if sql(db, "SELECT 1 FROM ir_module_module WHERE name = 'queue_job' AND state = 'installed'"):
        return True
    cmd = [
        python, "-m", "odoo", "-c", str(ROOT / "odoo.conf"), "--addons-path", str(ROOT / "addons"), "-d", db,
        "-i", "queue_job", "--stop-after-init", "--workers", "0", "--max-cron-threads", "0",
        "--http-port", str(free_port()), "--gevent-port", str(free_port()), "--log-level", "warn", *db_server_args(),
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode:
        print(proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.returncode == 0


class RoundRobin:
    """One browser session whose requests go to A, B, A, B, ... (no sticky sessions)."""

    def __init__(self, urls):
        self.urls, self.turn, self.session = urls, 0, WebSession(urls[0])

    def next_url(self):
        url = self.urls[self.turn % len(self.urls)]
        self.turn += 1
        return url

    def call(self, model, method, args, kwargs=None):
        return self.session.call_kw(model, method, args, kwargs, url=self.next_url())


def wait_for(condition, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(1)
    return condition()


def main():
    args = parse_args()
    checks = Checks()
    db = args.db
    if not ensure_queue_job(args.python, db):
        checks.check("queue_job installs into the test database", False)
        return checks.finish()
    tag = uuid.uuid4().hex[:8]
    started = time.time()
    shared = Path(tempfile.mkdtemp(prefix="jmsc-scaleout-"))
    # Keep the database's own crons out of the way while this runs (restored at the end).
    other_crons = sql(db, "SELECT id, nextcall FROM ir_cron WHERE active")
    # Attachments made while the servers use the temporary data_dir (ours, asset bundles) are removed
    # at the end: their files go with that folder.
    last_attachment = sql(db, "SELECT coalesce(max(id), 0) FROM ir_attachment")[0][0]
    sql(db, "UPDATE ir_cron SET nextcall = now() at time zone 'UTC' + interval '1 day' WHERE active")
    notify = {"ODOO_NOTIFY_CRON_CHANGES": "1"}  # a cron changed through B wakes A's cron worker at once
    server_a = ["--data-dir", str(shared), "--max-cron-threads", "1"]
    server_b = ["--data-dir", str(shared), "--max-cron-threads", "0", "--load", "base,web"]
    try:
        env_a = {**notify, "ODOO_QUEUE_JOB_HOST": "127.0.0.1"}
        with (
            odoo_server(db, args.python, workers=2, extra_args=server_a, env=env_a) as url_a,
            odoo_server(db, args.python, workers=2, extra_args=server_b, env=notify) as url_b,
        ):
            client = RoundRobin([url_a, url_b])
            print(f"(both servers up after {time.time() - started:.0f} s)")

            # Sessions: log in on A, use the session on B; a second login on B is valid on A.
            info = client.session.authenticate(db, "admin", "admin", url=url_a)
            on_b = client.session.request("/web/session/get_session_info", {}, url=url_b)
            checks.check("a login made on server A is valid on server B", info["uid"] and on_b["uid"] == info["uid"])
            other = WebSession(url_b)
            other.authenticate(db, "admin", "admin")
            on_a = other.request("/web/session/get_session_info", {}, url=url_a)
            checks.check("a login made on server B is valid on server A", on_a["uid"] == info["uid"])
            try:
                anonymous = WebSession(url_b).request("/web/session/get_session_info", {}).get("uid")
            except RpcError as exc:  # auth="user": no session, no answer
                anonymous = None if "Session" in exc.name else exc.name
            checks.check("a request without the session cookie is not logged in", not anonymous, str(anonymous))

            # Filestore: upload through one server, download through the other.
            content = os.urandom(200_000) + f"scale-out {tag}".encode()
            client.turn = 0
            vals = {"name": f"scaleout-{tag}.bin", "datas": base64.b64encode(content).decode(),
                    "res_model": "res.partner", "res_id": info["partner_id"]}  # fmt: skip
            attachment_id = client.call("ir.attachment", "create", [vals])
            attachment_id = attachment_id[0] if isinstance(attachment_id, list) else attachment_id
            body = client.session.request(f"/web/content/{attachment_id}?download=true", url=url_b, raw=True)
            checks.check(
                "an attachment uploaded through A is downloaded unchanged through B",
                hashlib.sha256(body).hexdigest() == hashlib.sha256(content).hexdigest(),
                f"got {len(body)} bytes",
            )
            stored = sql(db, "SELECT store_fname FROM ir_attachment WHERE id = %s", [attachment_id])[0][0]
            checks.check(
                "the attachment's file is in the shared filestore",
                (shared / "filestore" / db / stored).read_bytes() == content,
            )
            back_vals = {"name": f"back-{tag}.txt", "datas": base64.b64encode(b"back " + tag.encode()).decode()}
            client.turn = 1
            back = client.call("ir.attachment", "create", [back_vals])
            back = back[0] if isinstance(back, list) else back
            body = client.session.request(f"/web/content/{back}?download=true", url=url_a, raw=True)
            checks.check("an attachment uploaded through B is downloaded through A", body == b"back " + tag.encode())

            # Cron: due now, created through B; only A has a cron worker; it must run once.
            partner_model = client.call("ir.model", "search", [[("model", "=", "res.partner")]])[0]
            past = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)).strftime(
                "%Y-%m-%d %H:%M:%S"
            )
            client.turn = 1
            cron_id = client.call(
                "ir.cron",
                "create",
                [{"name": f"scaleout cron {tag}", "model_id": partner_model, "state": "code",
                  "code": f"model.create({{'name': 'scaleout cron {tag}'}})", "interval_number": 12,
                  "interval_type": "months", "nextcall": past, "priority": 0, "active": True}],
            )  # fmt: skip
            cron_id = cron_id[0] if isinstance(cron_id, list) else cron_id

            def cron_runs():
                return sql(db, "SELECT count(*) FROM res_partner WHERE name = %s", [f"scaleout cron {tag}"])[0][0]

            ran = wait_for(lambda: cron_runs() >= 1, 120)
            print(f"(cron ran after {time.time() - started:.0f} s)")
            time.sleep(5)
            checks.check("a due cron job runs exactly once across both servers", ran and cron_runs() == 1,
                         f"runs: {cron_runs()}")  # fmt: skip

            # queue_job: enqueue through a server action (run through whichever server's turn it is).
            action_id = client.call(
                "ir.actions.server",
                "create",
                [{"name": f"scaleout enqueue {tag}", "model_id": partner_model, "state": "code",
                  "code": f"env['res.partner'].with_delay(description='scaleout job {tag}')"
                          f".create({{'name': 'scaleout job {tag}'}})"}],
            )  # fmt: skip
            action_id = action_id[0] if isinstance(action_id, list) else action_id
            client.call("ir.actions.server", "run", [[action_id]])

            def job_runs():
                return sql(db, "SELECT count(*) FROM res_partner WHERE name = %s", [f"scaleout job {tag}"])[0][0]

            done = wait_for(
                lambda: sql(db, "SELECT state FROM queue_job WHERE name = %s", [f"scaleout job {tag}"]) == [("done",)],
                120,
            )
            print(f"(job done after {time.time() - started:.0f} s)")
            time.sleep(3)
            jobs = sql(db, "SELECT state, uuid FROM queue_job WHERE name = %s", [f"scaleout job {tag}"])
            checks.check("a queue_job job runs exactly once across both servers", done and job_runs() == 1,
                         f"jobs: {jobs}, runs: {job_runs()}")  # fmt: skip

            client.call("ir.cron", "unlink", [[cron_id]])
            client.call("ir.actions.server", "unlink", [[action_id]])
            made = client.call(
                "res.partner", "search", [[("name", "in", [f"scaleout cron {tag}", f"scaleout job {tag}"])]]
            )
            client.call("res.partner", "unlink", [made])
        log_a, log_b = url_a.log_path.read_text(), url_b.log_path.read_text()
        job_uuid = jobs[0][1] if jobs else "-"
        checks.check(
            "server A ran the cron job and the queue job; server B ran neither",
            f"'scaleout cron {tag}'" in log_a
            and f"asking Odoo to run job {job_uuid}" in log_a
            and f"'scaleout cron {tag}'" not in log_b
            and "queue_job.jobrunner" not in log_b,
        )
    except (RpcError, OSError, RuntimeError) as exc:
        checks.check("scale-out rehearsal ran to the end", False, repr(exc))
    finally:
        sql(db, "DELETE FROM ir_attachment WHERE id > %s", [last_attachment])
        for cron_id, nextcall in other_crons:
            sql(db, "UPDATE ir_cron SET nextcall = %s WHERE id = %s", [nextcall, cron_id])
        shutil.rmtree(shared, ignore_errors=True)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())

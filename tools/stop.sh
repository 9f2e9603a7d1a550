#!/usr/bin/env bash
# Stop the Odoo server and the private PostgreSQL cluster started by `make run`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -f "$root/.data/odoo.pid" ]; then
  pid="$(cat "$root/.data/odoo.pid")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null
    echo "Odoo stopped."
  fi
  rm -f "$root/.data/odoo.pid"
fi
if [ -f "$root/.data/run-started-pg" ]; then
  bash "$root/tools/pg-stop.sh" && echo "PostgreSQL stopped."
  rm -f "$root/.data/run-started-pg"
fi

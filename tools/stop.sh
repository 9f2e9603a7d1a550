#!/usr/bin/env bash
# Stop the Odoo server of `make run`, the private cluster `make run` started (if it did), and the
# throwaway test cluster of this checkout (if running).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data_root="${JMSC_DATA:-$root/.data}"
if [ -f "$data_root/odoo.pid" ]; then
  pid="$(cat "$data_root/odoo.pid")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null
    echo "Odoo stopped."
  fi
  rm -f "$data_root/odoo.pid"
fi
if [ -f "$data_root/run-started-pg" ]; then
  bash "$root/tools/pg-stop.sh" run >/dev/null && echo "PostgreSQL (make run) stopped."
  rm -f "$data_root/run-started-pg"
fi
test_data="$(readlink -f "$data_root/pg-test" 2>/dev/null || true)"
if [ -n "$test_data" ] && [ -f "$test_data/postmaster.pid" ]; then
  bash "$root/tools/pg-stop.sh" test >/dev/null && echo "PostgreSQL (make test) stopped."
fi
exit 0

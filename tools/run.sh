#!/usr/bin/env bash
# Serve the JMSC web client (`make run`). First start: create the database with the JMSC addons
# (MODULES, default all) and Indonesian; with demo data unless DEMO=0. Later starts reuse it.
#
# - Odoo 18 comes from $PYTHON when it has it, else from .venv/ (built once by tools/bootstrap.sh).
# - PostgreSQL: the durable cluster of tools/pg.sh run (a non-durable server is refused).
# - Secrets: a random master password (once per checkout); on a database without demo data a random
#   admin password (once per database); both printed once and kept only in .data/secrets/ (mode 600).
#   The server reads .data/odoo.conf (mode 600, written from odoo.conf); the database manager is
#   listed only for a demo database. A demo database keeps admin / admin, and says so.
# JMSC_DATA relocates .data/, JMSC_HTTP_PORT changes the port (8069).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
db="${1:-jmsc}"
demo="${DEMO:-1}"
port="${JMSC_HTTP_PORT:-8069}"
data_root="${JMSC_DATA:-$root/.data}"
mkdir -p "$data_root/logs"
log="$data_root/logs"

python="$(bash tools/bootstrap.sh runtime)" || exit 1
pg_isready -q -h "${PGHOST:-localhost}" -p "${PGPORT:-5432}" 2>/dev/null || touch "$data_root/run-started-pg"
bash tools/pg.sh run

if [ -f "$data_root/odoo.pid" ] && kill -0 "$(cat "$data_root/odoo.pid")" 2>/dev/null; then
  echo "JMSC is already running (pid $(cat "$data_root/odoo.pid")): http://localhost:$port/web/login"
  exit 0
fi

modules="${MODULES:-$(cd addons && ls jmsc_*/__manifest__.py | cut -d/ -f1 | paste -sd, -)}"
state="$("$python" tools/run_setup.py prepare --db "$db" --demo "$demo" --modules "$modules" --data "$data_root" \
  2> >(grep -v "^Running as user 'root'" >&2))"
DEMO="$(sed -n 's/^DEMO=//p' <<<"$state")"
EXISTS="$(sed -n 's/^EXISTS=//p' <<<"$state")"
MISSING="$(sed -n 's/^MISSING=//p' <<<"$state")"

odoo=("$python" -m odoo -c "$data_root/odoo.conf" --addons-path "$root/addons" -d "$db" --http-port "$port")
[ -n "${PGHOST:-}" ] && odoo+=(--db_host "$PGHOST")
[ -n "${PGPORT:-}" ] && odoo+=(--db_port "$PGPORT")

if [ -n "$MISSING" ]; then
  if [ "$DEMO" = 1 ]; then what="with demo data"; else what="without demo data"; fi
  echo "Installing $MISSING into database '$db' $what and Indonesian (this takes a few minutes)..."
  "${odoo[@]}" -i "$MISSING" --load-language id_ID --stop-after-init --log-level warn >"$log/install.log" 2>&1 || {
    echo "Install failed; see $log/install.log" >&2
    tail -n 30 "$log/install.log" >&2
    exit 1
  }
  created=$((1 - EXISTS))
  "$python" tools/run_setup.py after-install --db "$db" --data "$data_root" --created "$created" \
    2> >(grep -v "^Running as user 'root'" >&2) >>"$log/install.log"
fi

log_start=$( (wc -l <"$log/odoo.log") 2>/dev/null || echo 0)
nohup "${odoo[@]}" --logfile "$log/odoo.log" >/dev/null 2>&1 &
echo $! >"$data_root/odoo.pid"
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://localhost:$port/web/login"; then
    echo "JMSC is running: http://localhost:$port/web/login  (database '$db')"
    if [ "$DEMO" = 1 ]; then
      echo "Demo database: login admin / admin and the demo users (password = login): local use only."
    elif [ -f "$data_root/secrets/$db.admin_password" ]; then
      echo "Login admin; its password is in ${data_root#"$root"/}/secrets/$db.admin_password (mode 600)."
    fi
    # The queue_job runner (server_wide_modules, [queue_job] channels in odoo.conf) starts with the server.
    if tail -n +"$((log_start + 1))" "$log/odoo.log" | grep -q "starting jobrunner"; then
      echo "Background jobs: queue_job runner started ($(sed -n 's/^channels *= *//p' "$data_root/odoo.conf"))."
    else
      echo "Warning: the queue_job runner did not start (see $log/odoo.log): imports would wait." >&2
    fi
    echo "Master password: ${data_root#"$root"/}/secrets/master_password (mode 600). Stop with: make stop"
    exit 0
  fi
  kill -0 "$(cat "$data_root/odoo.pid")" 2>/dev/null || {
    echo "Odoo stopped; see $log/odoo.log" >&2
    exit 1
  }
  sleep 1
done
echo "Odoo did not answer within 120 s; see $log/odoo.log" >&2
exit 1

#!/usr/bin/env bash
# Serve the JMSC web client. First start: create the database with every JMSC addon,
# demo data and Indonesian; later starts reuse it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
db="${1:-jmsc}"
python="${PYTHON:-python3}"
port="${JMSC_HTTP_PORT:-8069}"
mkdir -p .data/logs

"$python" -c 'import odoo.release as r, sys; sys.exit(0 if r.version_info[0] == 18 else 1)' 2>/dev/null || {
  echo "Odoo 18 is not importable from $python: see README.md, 'Requirements'." >&2; exit 1; }
pg_isready -q -h "${PGHOST:-localhost}" -p "${PGPORT:-5432}" 2>/dev/null || touch .data/run-started-pg
bash tools/pg.sh

if [ -f .data/odoo.pid ] && kill -0 "$(cat .data/odoo.pid)" 2>/dev/null; then
  echo "JMSC is already running (pid $(cat .data/odoo.pid)): http://localhost:$port/web/login"
  exit 0
fi

modules="$(cd addons && ls jmsc_*/__manifest__.py | cut -d/ -f1 | paste -sd, -)"
odoo=("$python" -m odoo -c odoo.conf --addons-path "$root/addons" -d "$db" --db-filter "^$db\$" --http-port "$port")
[ -n "${PGHOST:-}" ] && odoo+=(--db_host "$PGHOST")
[ -n "${PGPORT:-}" ] && odoo+=(--db_port "$PGPORT")

# The JMSC addons not yet installed in the database (all of them when it does not exist yet).
missing="$("$python" - "$db" "$modules" 2>>.data/logs/install.log <<'PY'
import sys, odoo
odoo.tools.config.parse_config(["-c", "odoo.conf"])
import odoo.service.db as d
db, wanted = sys.argv[1], sys.argv[2].split(",")
if d.exp_db_exist(db):
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", [wanted])
        installed = {name for (name,) in cr.fetchall()}
    wanted = [m for m in wanted if m not in installed]
print(",".join(wanted))
PY
)"
if [ -n "$missing" ]; then
  echo "Installing $missing into database '$db' with demo data and Indonesian (this takes a few minutes)..."
  "${odoo[@]}" -i "$missing" --load-language id_ID --stop-after-init --log-level warn > .data/logs/install.log 2>&1 || {
    echo "Install failed; see .data/logs/install.log" >&2; tail -n 30 .data/logs/install.log >&2; exit 1; }
  "$python" - "$db" >>.data/logs/install.log 2>&1 <<'PY'
import sys, odoo
from odoo import api, SUPERUSER_ID
odoo.tools.config.parse_config(["-c", "odoo.conf"])
registry = odoo.modules.registry.Registry(sys.argv[1])
with registry.cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.lang"]._activate_lang("id_ID")
    env["ir.default"].set("res.partner", "lang", "id_ID")
    env["res.users"].with_context(active_test=False).search([]).write({"lang": "id_ID"})
    env.ref("base.user_admin").write({"login": "admin", "password": "admin"})
PY
fi

nohup "${odoo[@]}" --logfile "$root/.data/logs/odoo.log" > /dev/null 2>&1 &
echo $! > .data/odoo.pid
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://localhost:$port/web/login"; then
    echo "JMSC is running: http://localhost:$port/web/login  (database '$db', login admin / admin, local use only)"
    echo "Stop it with: make stop"
    exit 0
  fi
  kill -0 "$(cat .data/odoo.pid)" 2>/dev/null || { echo "Odoo stopped; see .data/logs/odoo.log" >&2; exit 1; }
  sleep 1
done
echo "Odoo did not answer within 120 s; see .data/logs/odoo.log" >&2
exit 1

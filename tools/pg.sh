#!/usr/bin/env bash
# Make sure a PostgreSQL server answers, for `make run` (mode run, the default) or `make test` (mode test).
#
#   run   PGHOST:PGPORT (default localhost:5432). If nothing answers there and it is local, start a
#         private DURABLE cluster under .data/pg: fsync, synchronous_commit and full_page_writes keep
#         PostgreSQL's defaults (on). Whatever server answers must report them on: on our own cluster
#         they are switched back on (ALTER SYSTEM + reload, no restart); another server is refused
#         unless JMSC_ALLOW_NONDURABLE=1.
#   test  PGHOST:PGPORT when set, else localhost:$JMSC_TEST_PGPORT (default 55432). If nothing answers,
#         start a private THROWAWAY cluster under .data/pg-test with fsync, synchronous_commit and
#         full_page_writes off (fast; a crash may lose it, which is fine for throwaway test databases).
#
# Clusters run as the postgres OS user when this runs as root. JMSC_DATA relocates .data/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-run}"
data_root="${JMSC_DATA:-$root/.data}"
case "$mode" in
  run) default_port=5432; data="$data_root/pg" ;;
  test) default_port="${JMSC_TEST_PGPORT:-55432}"; data="$data_root/pg-test" ;;
  *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac
host="${PGHOST:-localhost}"
port="${PGPORT:-$default_port}"
conf_get() { sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$root/odoo.conf" | head -n 1; }
dbuser="${JMSC_DB_USER:-$(conf_get db_user)}"
dbuser="${dbuser:-odoo}"
dbpassword="${JMSC_DB_PASSWORD:-$(conf_get db_password)}"
dbpassword="${dbpassword:-odoo}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
psql_bin="$(command -v psql || echo "$bindir/psql")"
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else (cd / && bash -c "$*"); fi; }
sql() { PGPASSWORD="$dbpassword" "$psql_bin" -X -q -h "$host" -p "$port" -U "$dbuser" -d postgres -tAc "$1"; }

# The durability settings of the server that answers, and whether they are all on.
durable_check() {
  local settings
  settings="$(sql "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings
                   WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")"
  echo "$settings"
  [ "$settings" = "fsync=on full_page_writes=on synchronous_commit=on" ]
}

ensure_durable() {
  local settings ours
  if ! sql "SELECT 1" >/dev/null 2>&1; then
    settings="cannot connect as $dbuser to check"
  elif settings="$(durable_check)"; then
    return 0
  fi
  ours="$(readlink -f "$data" 2>/dev/null || true)"
  if [ -n "$ours" ] && [ "$(sql "SHOW data_directory" 2>/dev/null)" = "$ours" ]; then
    local name
    for name in fsync synchronous_commit full_page_writes; do sql "ALTER SYSTEM SET $name = on" >/dev/null; done
    sql "SELECT pg_reload_conf()" >/dev/null
    sleep 1
    if settings="$(durable_check)"; then
      echo "pg.sh: made the cluster in ${data#"$root"/} durable again ($settings)"
      return 0
    fi
  fi
  if [ "${JMSC_ALLOW_NONDURABLE:-}" = 1 ]; then
    echo "pg.sh: WARNING: PostgreSQL at $host:$port is not durable ($settings); allowed by JMSC_ALLOW_NONDURABLE=1" >&2
    return 0
  fi
  echo "pg.sh: PostgreSQL at $host:$port is not durable ($settings): a power cut can corrupt the database." >&2
  echo "pg.sh: set fsync, synchronous_commit and full_page_writes to on there, or point PGHOST/PGPORT at a durable server." >&2
  return 1
}

if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
  [ "$mode" = run ] && ensure_durable
  exit 0
fi
case "$host" in
  localhost | 127.0.0.1 | /*) ;;
  *) echo "pg.sh: no PostgreSQL answers at $host:$port and it is not local; start it or set PGHOST/PGPORT." >&2; exit 1 ;;
esac
if [ -z "$bindir" ]; then
  echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)." >&2
  exit 1
fi

mkdir -p "$data_root"
if [ -L "$data" ]; then
  data="$(readlink -f "$data")"
elif [ "$(id -u)" = 0 ] && ! su postgres -s /bin/bash -c "test -x '$data_root'" 2>/dev/null; then
  # The postgres user cannot reach the checkout (e.g. under /root): keep the cluster in its home.
  alt="/var/lib/postgresql/jmsc-$mode-$(echo "$data" | md5sum | cut -c1-12)"
  mkdir -p "$alt"
  chown postgres: "$alt"
  rm -rf "$data"
  ln -s "$alt" "$data"
  data="$alt"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  chmod 700 "$data"
  [ "$(id -u)" = 0 ] && chown postgres: "$data"
  as_pg "'$bindir/initdb' -D '$data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  {
    echo "listen_addresses = 'localhost'"
    echo "port = $port"
    echo "unix_socket_directories = '$data'"
    echo "max_connections = 200"
    echo "shared_buffers = 256MB"
    if [ "$mode" = test ]; then
      echo "# Throwaway test cluster: speed over durability."
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | as_pg "cat >> '$data/postgresql.conf'"
fi
as_pg "'$bindir/pg_ctl' -D '$data' -l '$data/server.log' -w -t 60 -o '-p $port' start" >/dev/null
as_pg "'$bindir/psql' -X -h localhost -p $port -U postgres -d postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$dbuser'\"" | grep -q 1 \
  || as_pg "'$bindir/psql' -X -h localhost -p $port -U postgres -d postgres -qc \"CREATE ROLE $dbuser LOGIN SUPERUSER PASSWORD '$dbpassword'\""
if [ "$mode" = run ]; then
  ensure_durable >/dev/null
  echo "pg.sh: private PostgreSQL started on localhost:$port (durable; data in ${data_root#"$root"/}/pg)"
else
  echo "pg.sh: throwaway test PostgreSQL started on localhost:$port (fsync off; data in ${data_root#"$root"/}/pg-test)"
fi

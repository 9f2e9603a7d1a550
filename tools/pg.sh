#!/usr/bin/env bash
# Make sure a PostgreSQL server answers at the configured host and port.
# If none does, start a private cluster under .data/pg (run as the postgres OS user when root).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
host="${PGHOST:-localhost}"
port="${PGPORT:-5432}"
dbuser="${JMSC_DB_USER:-odoo}"

if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
  exit 0
fi
case "$host" in
  localhost|127.0.0.1|/*) ;;
  *) echo "pg.sh: no PostgreSQL answers at $host:$port and it is not local; start it or set PGHOST/PGPORT." >&2; exit 1 ;;
esac

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ]; then
  echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)." >&2
  exit 1
fi

data="$root/.data/pg"
mkdir -p "$root/.data"
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else bash -c "$*"; fi; }

if [ "$(id -u)" = 0 ] && ! su postgres -s /bin/bash -c "test -x '$root/.data'" 2>/dev/null; then
  # The postgres user cannot reach the checkout (e.g. under /root): keep the cluster in its home.
  alt="/var/lib/postgresql/jmsc-$(echo "$root" | md5sum | cut -c1-12)"
  mkdir -p "$alt"; chown postgres: "$alt"
  [ -L "$data" ] || { rm -rf "$data"; ln -s "$alt" "$data"; }
  data="$alt"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres: "$data"
  as_pg "'$bindir/initdb' -D '$data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  cat >> "$data/postgresql.conf" <<CONF
listen_addresses = 'localhost'
port = $port
unix_socket_directories = '$data'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
CONF
fi
as_pg "'$bindir/pg_ctl' -D '$data' -l '$data/server.log' -w -t 60 start" >/dev/null
as_pg "'$bindir/psql' -h localhost -p $port -U postgres -d postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$dbuser'\"" | grep -q 1 \
  || as_pg "'$bindir/psql' -h localhost -p $port -U postgres -d postgres -qc \"CREATE ROLE $dbuser LOGIN SUPERUSER PASSWORD '$dbuser'\""
echo "pg.sh: private PostgreSQL started on localhost:$port (data in .data/pg)"

#!/usr/bin/env bash
# Stop a private cluster that pg.sh started: `pg-stop.sh run` (.data/pg) or `pg-stop.sh test` (.data/pg-test).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data_root="${JMSC_DATA:-$root/.data}"
case "${1:-run}" in
  run) data="$(readlink -f "$data_root/pg" 2>/dev/null || true)" ;;
  test) data="$(readlink -f "$data_root/pg-test" 2>/dev/null || true)" ;;
  *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac
[ -n "$data" ] && [ -f "$data/postmaster.pid" ] || exit 0
bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
if [ "$(id -u)" = 0 ]; then
  (cd / && su postgres -s /bin/bash -c "'$bindir/pg_ctl' -D '$data' -m fast stop")
else
  (cd / && "$bindir/pg_ctl" -D "$data" -m fast stop)
fi

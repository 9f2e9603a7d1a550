#!/usr/bin/env bash
# Stop the private cluster that pg.sh started, if any.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(readlink -f "$root/.data/pg" 2>/dev/null || true)"
[ -n "$data" ] && [ -f "$data/postmaster.pid" ] || exit 0
bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "'$bindir/pg_ctl' -D '$data' -m fast stop"); else "$bindir/pg_ctl" -D "$data" -m fast stop; fi

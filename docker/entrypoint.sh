#!/usr/bin/env bash
# Container entry point: refuse to start without secrets, then run Odoo with them.
#
# docker/odoo.conf (mounted read-only at /etc/odoo/odoo.conf) holds no secret. The master password
# and the database password come from the environment, or from files (Docker secrets):
#   JMSC_MASTER_PASSWORD or JMSC_MASTER_PASSWORD_FILE   (database manager; at least 16 characters)
#   JMSC_DB_PASSWORD     or JMSC_DB_PASSWORD_FILE       (PostgreSQL role of db_user)
# They are written, with the rest of the configuration, into a private file (mode 600) that only
# this container's odoo user can read; never onto a command line.
set -euo pipefail
conf_in="${JMSC_CONF_IN:-/etc/odoo/odoo.conf}"
conf_out="${JMSC_CONF_OUT:-/tmp/jmsc-odoo.conf}"

secret() { # NAME -> value from NAME or NAME_FILE
  local name="$1" file_var="${1}_FILE"
  if [ -n "${!file_var:-}" ]; then
    [ -r "${!file_var}" ] || { echo "entrypoint: $file_var=${!file_var} is not readable" >&2; exit 1; }
    head -n 1 "${!file_var}" | tr -d '\r\n'
  else
    printf '%s' "${!name:-}"
  fi
}

master="$(secret JMSC_MASTER_PASSWORD)"
db_password="$(secret JMSC_DB_PASSWORD)"
problems=()
[ -n "$master" ] || problems+=("JMSC_MASTER_PASSWORD (or JMSC_MASTER_PASSWORD_FILE) is not set")
[ -z "$master" ] || [ "${#master}" -ge 16 ] || problems+=("JMSC_MASTER_PASSWORD is shorter than 16 characters")
case "$master" in admin | change-me | odoo) problems+=("JMSC_MASTER_PASSWORD is a well-known default") ;; esac
[ -n "$db_password" ] || problems+=("JMSC_DB_PASSWORD (or JMSC_DB_PASSWORD_FILE) is not set")
if grep -Eq '^[[:space:]]*(admin_passwd|db_password)[[:space:]]*=' "$conf_in"; then
  problems+=("$conf_in must not contain admin_passwd or db_password: they come from the environment")
fi
if [ ${#problems[@]} -gt 0 ]; then
  printf 'entrypoint: refusing to start: %s\n' "${problems[@]}" >&2
  echo "entrypoint: generate them e.g. with: openssl rand -base64 24" >&2
  exit 1
fi

umask 077
# Odoo accepts a pbkdf2 hash for admin_passwd: store that rather than the password itself.
if hashed="$(printf '%s' "$master" | python3 -c 'import sys
from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"]).hash(sys.stdin.read()))' 2>/dev/null)"; then
  master="$hashed"
fi
tmp="$(mktemp "$conf_out.XXXXXX")"
# The secrets go right after [options] (the file may hold other sections after it).
awk -v master="$master" -v dbpw="$db_password" '
  { print }
  /^\[options\][[:space:]]*$/ && !done { print "admin_passwd = " master; print "db_password = " dbpw; done = 1 }
' "$conf_in" >"$tmp"
grep -q '^admin_passwd = ' "$tmp" || { echo "entrypoint: no [options] section in $conf_in" >&2; rm -f "$tmp"; exit 1; }
mv "$tmp" "$conf_out"
unset JMSC_MASTER_PASSWORD JMSC_DB_PASSWORD master db_password

if [ "${1:-odoo}" = odoo ]; then
  shift || true
  exec odoo -c "$conf_out" "$@"
fi
exec "$@"

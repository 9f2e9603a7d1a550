#!/usr/bin/env bash
# Rehearse a fresh machine: copy this working tree into a temporary folder, hand it a Python that
# cannot import Odoo (a bare virtual environment), and run `make test MODULES=$MODULES` there with
# ODOO_SRC set. That builds .venv/ from nothing (tools/bootstrap.sh, with its progress lines), then
# runs the tests of MODULES (default jmsc_base, to stay fast) and the linters. The last line is
# make test's `N passed, N failed`. The temporary folder (and any cluster it started) is removed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
modules="${MODULES:-jmsc_base}"
if [ -z "${ODOO_SRC:-}" ]; then
  echo "test-bootstrap: set ODOO_SRC to Odoo 18's source (a folder or an archive), e.g. make test-bootstrap ODOO_SRC=/path/to/odoo"
  echo "0 passed, 1 failed"
  exit 1
fi
ODOO_SRC="$(readlink -f "$ODOO_SRC")"
export ODOO_SRC
tmp="$(mktemp -d "${TMPDIR:-/tmp}/jmsc-bootstrap-XXXXXX")"
chmod 755 "$tmp" # the postgres OS user must reach a cluster started in there
cleanup() {
  [ -d "$tmp/repo" ] && (cd "$tmp/repo" && bash tools/stop.sh >/dev/null 2>&1)
  if [ "${JMSC_KEEP_TMP:-}" = 1 ]; then echo "test-bootstrap: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
started=$SECONDS
mkdir -p "$tmp/repo"
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -C "$tmp/repo" -xf -
"${PYTHON:-python3}" -m venv --without-pip "$tmp/bare"
echo "test-bootstrap: working tree copied to $tmp/repo; PYTHON=$tmp/bare/bin/python (no Odoo); ODOO_SRC=$ODOO_SRC"
(cd "$tmp/repo" && PYTHON="$tmp/bare/bin/python" make -s --no-print-directory test MODULES="$modules") \
  > >(tee "$tmp/out") 2>&1
rc=$?
sleep 1
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/out" | tail -n 1)"
echo "test-bootstrap: finished in $((SECONDS - started)) s (exit $rc)"
echo "${summary:-0 passed, 1 failed}"
exit $rc

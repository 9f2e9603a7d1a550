#!/usr/bin/env bash
# ruff, pylint-odoo (mandatory checks) and oca-checks-odoo-module: zero findings or a failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
rc=0
# Optional: lint only the named modules (space or comma separated).
if [ -n "${1:-}" ]; then
  targets=()
  for m in ${1//,/ }; do targets+=("addons/$m"); done
else
  targets=(addons/*)
fi
echo "-- ruff"
"$python" -m ruff check "${targets[@]}" tests bench tools || rc=1
"$python" -m ruff format --check "${targets[@]}" tests bench tools || rc=1
echo "-- pylint-odoo"
"$python" -m pylint --rcfile=.pylintrc-mandatory "${targets[@]}" || rc=1
echo "-- oca-checks-odoo-module"
# Installed next to the interpreter (a virtual environment's bin/), else on PATH.
oca_checks="$(dirname "$(command -v "$python")")/oca-checks-odoo-module"
[ -x "$oca_checks" ] || oca_checks=oca-checks-odoo-module
"$oca_checks" "${targets[@]}" || rc=1
[ $rc = 0 ] && echo "lint: no findings"
exit $rc

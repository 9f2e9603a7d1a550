#!/usr/bin/env bash
# ruff, pylint-odoo (mandatory checks) and oca-checks-odoo-module: zero findings or a failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
rc=0
echo "-- ruff"
"$python" -m ruff check addons tests bench || rc=1
"$python" -m ruff format --check addons tests bench || rc=1
echo "-- pylint-odoo"
"$python" -m pylint --rcfile=.pylintrc-mandatory addons/* || rc=1
echo "-- oca-checks-odoo-module"
oca-checks-odoo-module addons/* || rc=1
[ $rc = 0 ] && echo "lint: no findings"
exit $rc

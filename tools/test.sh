#!/usr/bin/env bash
# Run every test (or those of MODULES), then the linters. The last line is `N passed, N failed`.
# Odoo 18 comes from $PYTHON when it has it, else from .venv/ (tools/bootstrap.sh builds it once).
# The tests run on the throwaway test cluster (tools/pg.sh test), never on the cluster of `make run`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
modules="${1:-}"
mkdir -p .data/logs
if ! python="$(bash tools/bootstrap.sh dev)"; then
  echo "0 passed, 1 failed"
  exit 1
fi
export PYTHON="$python"
out="$(mktemp .data/logs/make-test-XXXXXX.out)"
"$python" tests/run_suite.py --python "$python" --modules "$modules" > >(tee "$out") 2>&1
rc=$?
sleep 1
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)"
cp "$out" .data/last-test.out
echo "== lint"
if ! bash tools/lint.sh "$modules"; then
  echo "lint: findings (see above); counted as one failure"
  rc=1
  summary="$(echo "${summary:-0 passed, 0 failed}" | awk -F'[ ,]+' '{ $0 = $1 " passed, " ($3 + 1) " failed" } 1')"
fi
[ -n "$summary" ] || summary="0 passed, 1 failed"
echo "$summary"
exit $rc

#!/usr/bin/env bash
# Run every test (or those of MODULES), then the linters. The last line is `N passed, N failed`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
modules="${1:-}"
mkdir -p .data
"$python" tests/run_suite.py --python "$python" --modules "$modules" > >(tee .data/last-test.out) 2>&1
rc=$?
sleep 1
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' .data/last-test.out | tail -n 1)"
echo "== lint"
if ! bash tools/lint.sh "$modules"; then
  echo "lint: findings (see above)"
  rc=1
fi
[ -n "$summary" ] || summary="0 passed, 1 failed"
echo "$summary"
exit $rc

#!/usr/bin/env bash
# Runs every test of VoServices (unit, integration, conformance) and prints one closing summary line.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

tools/ensure-deps.sh

# Integration tests against PostgreSQL 15 + pg_sphere: a throwaway cluster on 127.0.0.1:5440 unless the caller
# already points VOSERVICES_TEST_DB at a database. If it cannot start, the PostgreSQL tests skip locally with that
# reason and fail under CI.
started_pg=false
if [ -z "${VOSERVICES_TEST_DB:-}" ]; then
  if tools/pg-test.sh start; then
    export "$(tools/pg-test.sh env)"
    started_pg=true
  else
    echo "test.sh: could not start the PostgreSQL test cluster; PostgreSQL tests will skip (fail under CI)" >&2
  fi
fi

log="$(mktemp)"
cleanup() {
  rm -f "$log"
  if [ "$started_pg" = true ]; then tools/pg-test.sh stop || true; fi
}
trap cleanup EXIT
status=0
dotnet test VoServices.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed! - Failed: N, Passed: N, Skipped: N, Total: N" line per test assembly.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with status $status without a failing test (a build error or a crashed test host; see above)"
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

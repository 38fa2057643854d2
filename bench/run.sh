#!/usr/bin/env bash
# Builds and runs the benchmarks in Release; each line prints our figure, the floor's and the ratio (bench/README.md).
# Usage: bench/run.sh [healpix|wcs|fits|core|adql|tap|uws|all] [sqlite|postgres|all]
#   healpix|wcs|fits|core  bench/VoServices.Bench (floors need /usr/bin/python3 with healpy and astropy, and cfitsio's fitscopy)
#   adql                   bench/VoServices.Bench.Tap: ADQL parse+translate throughput (in-process)
#   tap|uws                the live server (built here in Release) on each backend against raw-SQL floors; PostgreSQL:
#                          VOSERVICES_TEST_DB, else tools/pg-test.sh's cluster (started if needed, never stopped here)
#   all                    everything (default)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
backends="${2:-all}"

core() { dotnet run -c Release --project bench/VoServices.Bench -- "$1"; }

live() {
  if [ -z "${VOSERVICES_SERVER_DLL:-}" ]; then
    dotnet build -c Release --nologo -v q Server/VoServices.Server/VoServices.Server.csproj >/dev/null
  fi
  if [ "$backends" != sqlite ] && [ -z "${VOSERVICES_TEST_DB:-}" ] && tools/pg-test.sh start >/dev/null 2>&1; then
    export "$(tools/pg-test.sh env)"
  fi
  dotnet run -c Release --project bench/VoServices.Bench.Tap -- "$1" "$backends"
}

case "$what" in
  healpix|wcs|fits) core "$what" ;;
  core) core all ;;
  adql) dotnet run -c Release --project bench/VoServices.Bench.Tap -- adql ;;
  tap|uws) live "$what" ;;
  all) core all; live all ;;
  *) echo "usage: $0 [healpix|wcs|fits|core|adql|tap|uws|all] [sqlite|postgres|all]" >&2; exit 2 ;;
esac

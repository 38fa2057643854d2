#!/usr/bin/env bash
# Builds and runs the benchmarks in Release; each line prints our figure, the floor's and the ratio.
# Usage: bench/run.sh [healpix|wcs|fits|all]   (floors need /usr/bin/python3 with healpy and astropy, and cfitsio's fitscopy)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/VoServices.Bench -- "${1:-all}"

#!/usr/bin/env bash
# Black-box conformance suites against a live VoServices server, once per backend (conformance-tests/README.md):
# STILTS taplint, the pyvo 1.2.1 client script, stilts tapquery (sync and async), 50 concurrent async jobs and the
# kill -9 restart test.
#
# Usage: conformance-tests/run.sh [sqlite|postgres|all] [--results FILE] [--logs DIR]
#   sqlite    the embedded default: full ../shared/data when present, else the shipped subset
#   postgres  a fresh database on the PostgreSQL server of VOSERVICES_TEST_DB (default: tools/pg-test.sh's cluster,
#             started if needed and never stopped here); the database is dropped afterwards
#   --results FILE  also write one line per stage: "backend<TAB>stage<TAB>PASS|FAIL|SKIP<TAB>seconds<TAB>detail"
#   --logs DIR      keep the server logs and each stage's full output there (default: a new folder under /tmp)
# Environment: VOSERVICES_SERVER_DLL=path (use this build, skip `dotnet build`), CONFORMANCE_SUBSET=1 (always serve
# the shipped subset: quicker), CI (missing tools or PostgreSQL fail instead of skipping).
# Exit status: 0 when every stage passed or skipped (skips only outside CI), 1 otherwise.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3          # Debian's python3 with pyvo 1.2.1 and astropy 5.2 (toolchain.md §7)
HEALTH_TIMEOUT=180           # seconds for a first start (ingest of the full Tycho-2: ~15-60 s depending on the backend)

target="all"
results=""
logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    sqlite|postgres|all) target="$1" ;;
    --results) results="$2"; shift ;;
    --logs) logs="$2"; shift ;;
    *) echo "usage: $0 [sqlite|postgres|all] [--results FILE] [--logs DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ "$target" = all ] && backends=(sqlite postgres) || backends=("$target")

work="$(mktemp -d /tmp/vo-conformance.XXXXXX)"
logs="${logs:-$work/logs}"
tmp="$work/tmp"
mkdir -p "$logs" "$tmp"
logs="$(cd "$logs" && pwd)"
[ -n "$results" ] && : >"$results"
summary=()
failed=0
server_pid=""
pg_db=""
pg_admin=()

is_ci() { case "${CI:-}" in ""|0|false|False|FALSE) return 1 ;; *) return 0 ;; esac; }

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null
  fi
  server_pid=""
}

drop_pg_db() {
  if [ -n "$pg_db" ]; then
    "${pg_admin[@]}" -c "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null 2>&1 || true
    pg_db=""
  fi
}

cleanup() {
  stop_server
  drop_pg_db
  rm -rf "$work/data-"* "$tmp"
  rmdir "$work" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# record BACKEND STAGE STATUS SECONDS DETAIL
record() {
  local line
  line="$(printf '%-9s %-15s %-4s %6ss  %s' "$1" "$2" "$3" "$4" "$5")"
  summary+=("$line")
  echo "== $line"
  [ -n "$results" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$results"
  [ "$3" = FAIL ] && failed=1
  return 0
}

# skip_or_fail BACKEND STAGE REASON: missing prerequisites skip locally and fail under CI.
skip_or_fail() {
  if is_ci; then record "$1" "$2" FAIL 0 "required under CI: $3"; else record "$1" "$2" SKIP 0 "$3"; fi
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server BACKEND DATADIR PORT LOG [extra server arguments]: starts in the background, sets server_pid.
start_server() {
  local backend="$1" data="$2" port="$3" log="$4"
  shift 4
  local args=(--urls "http://127.0.0.1:$port" "--VoServices:DataDirectory=$data")
  if [ "$backend" = postgres ]; then
    args+=("--VoServices:Postgres=$pg_conn")
  fi
  if [ "${CONFORMANCE_SUBSET:-0}" = 1 ] || [ ! -f "$ROOT/../shared/data/catalogs/tycho2/tycho2_main.csv.gz" ]; then
    args+=(--VoServices:Demo:UseShippedSubset=true)
  fi
  # The project folder as working directory, like `dotnet run --project`: appsettings.json is the content root's.
  (cd "$ROOT/Server/VoServices.Server" && exec dotnet "$server_dll" "${args[@]}" "$@") >>"$log" 2>&1 &
  server_pid=$!
}

# wait_health URL TIMEOUT: 0 once /health answers 200, 1 on timeout or when the server died.
wait_health() {
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$server_pid" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1/health")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

# run_stage BACKEND STAGE COMMAND...: runs the command with its output in a log, records PASS/FAIL and its last line.
run_stage() {
  local backend="$1" stage="$2"
  shift 2
  local log="$logs/$backend-$stage.log" start=$SECONDS status=0
  "$@" >"$log" 2>&1 || status=$?
  grep -E '^(FAIL|PASS|  )|^[EW]-[A-Z]{3}-' "$log" | head -60 | sed 's/^/   /'
  local detail
  detail="$(grep -v '^\s*$' "$log" | tail -1 | cut -c1-200)"
  if [ $status -eq 0 ]; then record "$backend" "$stage" PASS $((SECONDS - start)) "$detail"
  else record "$backend" "$stage" FAIL $((SECONDS - start)) "exit $status: $detail (log: $log)"; fi
}

# taplint TAPURL: all default stages; taplint's exit code is always 0, so read its Totals line (toolchain.md §7).
# Every E-, F- and W- report fails the stage unless taplint-known.txt lists its code with a text of its message.
taplint_stage() {
  local out="$logs/$current-taplint-report.txt"
  stilts taplint tapurl="$1" report=EWISF >"$out" 2>&1
  local totals
  totals="$(grep -E '^Totals:' "$out" | tail -1)"
  [ -n "$totals" ] || { echo "no Totals line in $out"; return 1; }
  local unexplained=0 line code known
  while IFS= read -r line; do
    code="$(cut -d' ' -f1 <<<"$line" | sed -E 's/-[0-9]+$//')"
    known="$(awk -F'|' -v code="$code" -v msg="$line" '!/^#/ {
        c = $1; t = $2; gsub(/^ +| +$/, "", c); gsub(/^ +| +$/, "", t)
        if (c == code && index(msg, t) > 0) { r = $3; gsub(/^ +| +$/, "", r); print r; exit } }' "$HERE/taplint-known.txt")"
    if [ -n "$known" ]; then
      echo "  known: $line"
      echo "         ($known)"
    else
      echo "FAIL $line"
      unexplained=$((unexplained + 1))
    fi
  done < <(grep -E '^[EWF]-[A-Z]{3}-[A-Z0-9]{4}-' "$out")
  echo "taplint $totals; $unexplained not explained by taplint-known.txt (report: $out)"
  [ "$unexplained" = 0 ]
}

# tapquery TAPURL: stilts tapquery in sync and async (sync=false) mode must give the same 25 rows.
tapquery_stage() {
  local adql="SELECT TOP 25 tyc, ra, dec, vt_mag FROM tycho2.main WHERE vt_mag < 11 ORDER BY tyc"
  local mode rows
  for mode in true false; do
    stilts tapquery tapurl="$1" adql="$adql" sync=$mode maxrec=1000 ofmt=csv out="$tmp/tapquery-$mode.csv" || return 1
    rows=$(($(wc -l <"$tmp/tapquery-$mode.csv") - 1))
    echo "  tapquery sync=$mode: $rows rows"
    [ "$rows" = 25 ] || { echo "FAIL expected 25 rows"; return 1; }
  done
  cmp -s "$tmp/tapquery-true.csv" "$tmp/tapquery-false.csv" || { echo "FAIL sync and async results differ"; return 1; }
  echo "stilts tapquery: sync=true and sync=false give the same 25 rows"
}

# The kill -9 test: submit, SIGKILL the server, restart it on the same data directory, check the jobs.
restart_stage() {
  local backend="$1" data="$2" port="$3" log="$4" state="$tmp/restart-$1.json"
  "$PY" "$HERE/uws_jobs.py" restart-submit "http://127.0.0.1:$port/tap" "$state" || return 1
  echo "kill -9 $server_pid"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=""
  echo "---- restart after kill -9 ----" >>"$log"
  start_server "$backend" "$data" "$port" "$log"
  wait_health "http://127.0.0.1:$port" "$HEALTH_TIMEOUT" || { echo "FAIL no /health 200 after the restart"; return 1; }
  "$PY" "$HERE/uws_jobs.py" restart-check "http://127.0.0.1:$port/tap" "$state"
}

# PostgreSQL: a fresh database on the VOSERVICES_TEST_DB server. Sets pg_conn and pg_admin; 1 if unavailable.
prepare_postgres() {
  local conn="${VOSERVICES_TEST_DB:-}"
  if [ -z "$conn" ]; then
    "$ROOT/tools/pg-test.sh" start >/dev/null 2>&1 || return 1
    conn="$("$ROOT/tools/pg-test.sh" env)"
    conn="${conn#VOSERVICES_TEST_DB=}"
  fi
  local host port user password
  host="$(grep -oiE '(^|;)\s*host=[^;]*' <<<"$conn" | cut -d= -f2)"
  port="$(grep -oiE '(^|;)\s*port=[^;]*' <<<"$conn" | cut -d= -f2)"
  user="$(grep -oiE '(^|;)\s*(username|user id|user)=[^;]*' <<<"$conn" | cut -d= -f2)"
  password="$(grep -oiE '(^|;)\s*password=[^;]*' <<<"$conn" | cut -d= -f2)"
  export PGPASSWORD="$password"
  pg_admin=(psql -X -q -v ON_ERROR_STOP=1 -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "${user:-postgres}" -d postgres)
  pg_db="vo_conformance_$$_$RANDOM"
  "${pg_admin[@]}" -c "CREATE DATABASE \"$pg_db\"" >/dev/null || { pg_db=""; return 1; }
  pg_conn="$(sed -E 's/(^|;)\s*database=[^;]*//I' <<<"$conn");Database=$pg_db"
  pg_conn="${pg_conn#;}"
}

run_backend() {
  local backend="$1"
  current="$backend"
  if [ "$backend" = postgres ] && ! prepare_postgres; then
    skip_or_fail postgres start "no PostgreSQL server (set VOSERVICES_TEST_DB or run tools/pg-test.sh start)"
    return
  fi
  local data="$work/data-$backend" port log="$logs/$backend-server.log" start=$SECONDS
  port="$(free_port)"
  mkdir -p "$data"
  start_server "$backend" "$data" "$port" "$log"
  if ! wait_health "http://127.0.0.1:$port" "$HEALTH_TIMEOUT"; then
    record "$backend" start FAIL $((SECONDS - start)) "no /health 200 within ${HEALTH_TIMEOUT} s (log: $log)"
    tail -20 "$log" | sed 's/^/   /'
    stop_server
    drop_pg_db
    return
  fi
  record "$backend" start PASS $((SECONDS - start)) \
    "http://127.0.0.1:$port/tap; $(grep -oE 'Ingested tycho2.main: [0-9]+ rows in [0-9.]+ s' "$log" | tail -1)"
  local tap="http://127.0.0.1:$port/tap"
  if command -v stilts >/dev/null; then
    run_stage "$backend" taplint taplint_stage "$tap"
    run_stage "$backend" tapquery tapquery_stage "$tap"
  else
    skip_or_fail "$backend" taplint "stilts is not installed"
    skip_or_fail "$backend" tapquery "stilts is not installed"
  fi
  if "$PY" -c 'import pyvo, astropy, yaml' 2>/dev/null; then
    run_stage "$backend" pyvo "$PY" "$HERE/pyvo_tap.py" "$tap"
    run_stage "$backend" uws-concurrent "$PY" "$HERE/uws_jobs.py" concurrent "$tap" --jobs 50 --server-log "$log"
    run_stage "$backend" uws-restart restart_stage "$backend" "$data" "$port" "$log"
  else
    for stage in pyvo uws-concurrent uws-restart; do
      skip_or_fail "$backend" "$stage" "$PY lacks pyvo/astropy/yaml (apt-get install python3-pyvo python3-yaml)"
    done
  fi
  stop_server
  drop_pg_db
  rm -rf "$data"
}

# Build once (Release), unless a build is given.
server_dll="${VOSERVICES_SERVER_DLL:-}"
if [ -z "$server_dll" ]; then
  echo "== building Server/VoServices.Server (Release)"
  if ! dotnet build -c Release --nologo -v q "$ROOT/Server/VoServices.Server/VoServices.Server.csproj" >"$logs/build.log" 2>&1; then
    tail -30 "$logs/build.log"
    record all build FAIL 0 "dotnet build failed (log: $logs/build.log)"
    exit 1
  fi
  server_dll="$ROOT/Server/VoServices.Server/bin/Release/net10.0/VoServices.Server.dll"
fi
server_dll="$(cd "$(dirname "$server_dll")" && pwd)/$(basename "$server_dll")"

for backend in "${backends[@]}"; do
  run_backend "$backend"
done

echo
echo "conformance summary (logs: $logs)"
printf '  %s\n' "${summary[@]}"
exit $failed

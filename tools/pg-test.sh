#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + pg_sphere + q3c cluster for the integration tests (docs: toolchain.md §2).
#
#   tools/pg-test.sh start   installs the Debian packages when missing, creates and starts the cluster on
#                            127.0.0.1:$PGPORT (default 5440) with a database `votest` holding the extensions
#                            pg_sphere and q3c. Idempotent: returns at once when that cluster is already up.
#   tools/pg-test.sh stop    stops the cluster and deletes its folder.
#   tools/pg-test.sh env     prints the line to export for the tests:
#                            VOSERVICES_TEST_DB=Host=127.0.0.1;Port=5440;Username=postgres;Database=votest
#
# Usage from a shell:  tools/pg-test.sh start && export "$(tools/pg-test.sh env)" && dotnet test ...
# The cluster is unsafe by design (trust authentication, fsync off): loopback only, tests only.
set -euo pipefail

PGPORT="${PGPORT:-5440}"
# Not under /root (mode 0700): the postgres user must be able to reach the data folder.
PGDIR="${PGDIR:-/tmp/vo-pgtest-$PGPORT}"
SYSBIN=/usr/lib/postgresql/15/bin
SYSSHARE=/usr/share/postgresql/15
PGBIN="$SYSBIN"
DB=votest
PACKAGES=(postgresql-15 postgresql-15-pgsphere postgresql-15-q3c)

# initdb refuses to run as root: as root, run the server as the postgres user; otherwise as the caller.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_() {
  "$SYSBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "pg-test: installing ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "pg-test: not root; please install: ${missing[*]}" >&2; exit 1
    fi
  fi
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq
  # postgresql-15 alone: the `postgresql` metapackage would also create and start a default cluster on 5432.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Debian's pg_sphere 1.2.0 script (postgresql-15-pgsphere 1.1.1+2021-11-10) defines two "backwards-compatible
# operators for GAVO DaCHS", @(bigint, smoc) and @(spoint, smoc), whose COMMUTATOR @> already has another commutator.
# PostgreSQL 15.20 (bookworm-security) rejects that ("commutator operator @> is already the commutator of operator <@",
# the stricter check of PG 17 backported), so CREATE EXTENSION pg_sphere fails. Upstream dropped these operators
# (postgrespro/pgsphere#85, PR #92). PostgreSQL 15 has no setting for the extension folder, but it finds its share
# folder relative to its executable: run copies of the server binaries from a private tree whose share folder links
# to the system one, except for a copy of that script without the two operators.
private_tree() {
  local script="$SYSSHARE/extension/pg_sphere--1.2.0.sql"
  grep -q "backwards-compatible operators for GAVO DaCHS" "$script" 2>/dev/null || return 0
  local root="$PGDIR/root"
  mkdir -p "$root/lib/postgresql/15/bin" "$root/share/postgresql/15/extension"
  cp "$SYSBIN/postgres" "$SYSBIN/initdb" "$SYSBIN/pg_ctl" "$root/lib/postgresql/15/bin/"
  ln -s "/usr/lib/postgresql/15/lib" "$root/lib/postgresql/15/lib"
  for f in "$SYSSHARE"/*; do
    [ "$(basename "$f")" = extension ] || ln -s "$f" "$root/share/postgresql/15/"
  done
  for f in "$SYSSHARE"/extension/*; do
    [ "$f" = "$script" ] || ln -s "$f" "$root/share/postgresql/15/extension/"
  done
  sed '/^-- a minimal set of backwards-compatible operators for GAVO DaCHS/,/^-- debugging/{/^-- debugging/!d}' \
    "$script" >"$root/share/postgresql/15/extension/$(basename "$script")"
  PGBIN="$root/lib/postgresql/15/bin"
}

# True when our cluster answers and votest has both extensions.
ready() {
  [ -f "$PGDIR/data/postmaster.pid" ] || return 1
  [ "$(psql_ -d "$DB" -tA -c "SELECT count(*) FROM pg_extension WHERE extname IN ('pg_sphere', 'q3c')" 2>/dev/null)" = 2 ]
}

stop_cluster() {
  if [ -f "$PGDIR/data/PG_VERSION" ]; then
    # pg_ctl stop only signals the postmaster named in postmaster.pid: the system binary can stop either tree.
    as_owner "$SYSBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGDIR"
}

start_cluster() {
  install_packages
  if ready; then
    return 0
  fi
  stop_cluster   # a half-made or stale cluster from an earlier run: start again from nothing (about 1 s)
  mkdir -p "$PGDIR"
  private_tree
  mkdir -p "$PGDIR/data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR" "$PGDIR/data"
  as_owner "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 \
    -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  psql_ -d postgres -c "CREATE DATABASE $DB"
  psql_ -d "$DB" -c "CREATE EXTENSION pg_sphere; CREATE EXTENSION q3c;"
}

case "${1:-start}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  env) echo "VOSERVICES_TEST_DB=Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac

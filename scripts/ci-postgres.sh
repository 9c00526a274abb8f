#!/usr/bin/env bash
# Private, throw-away PostgreSQL server for CI and local development.
#
#   scripts/ci-postgres.sh start [DIR]   initdb + start; prints ONE line on stdout:
#                                          postgres://postgres@127.0.0.1:PORT/registrum
#   scripts/ci-postgres.sh stop  [DIR]   stop it and delete DIR
#
# DIR defaults to $REPO/.tmp/pg (git-ignored). Both commands are idempotent: `start` on a
# running server just prints its URL again; `start` on a stopped/stale one recreates it.
# Everything except the URL goes to stderr, so:   export DATABASE_URL=$(scripts/ci-postgres.sh start)
#
# Never touches the system cluster (e.g. Debian's on 5432): own data dir, own port (55432 upward),
# listens on 127.0.0.1 only, trust auth, user `postgres`, database `registrum`, max_connections=200,
# fsync on. Binaries: $PG_BIN if set, else the newest /usr/lib/postgresql/*/bin, else `pg_config --bindir`.
# When run as root the server runs as the `postgres` system user; if that user cannot reach DIR
# (e.g. the repository is under /root), the cluster goes to a mktemp dir in /tmp and its path is
# remembered in DIR.path.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CMD=${1:-}
DIR=${2:-$REPO/.tmp/pg}
DIR=${DIR%/}
case $DIR in /*) ;; *) DIR=$PWD/$DIR ;; esac
PATHFILE=$DIR.path                 # where a relocated cluster's real path is remembered
MARKER=.registrum-ci-postgres      # only directories carrying this file are ever deleted
DB=registrum
FIRST_PORT=${CI_PG_FIRST_PORT:-55432}

log() { printf 'ci-postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() { echo "usage: $0 start|stop [DIR]   (DIR default: $REPO/.tmp/pg)" >&2; exit 2; }

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

# Run a command as the user that owns the cluster (PostgreSQL refuses to run as root).
as_pg() {
  if [ "$IS_ROOT" -eq 1 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

find_bin() {
  local d best=
  if [ -n "${PG_BIN:-}" ]; then
    best=$PG_BIN
  else
    # newest major version (numeric sort: 9 < 10 < 15 < 17)
    best=$(for d in /usr/lib/postgresql/*/bin; do
             [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
           done | sort -t/ -k5,5n | tail -n1)
    if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
      best=$(pg_config --bindir)
    fi
  fi
  if [ -z "$best" ] || [ ! -x "$best/initdb" ] || [ ! -x "$best/pg_ctl" ]; then
    die "no PostgreSQL server binaries (initdb, pg_ctl) found under /usr/lib/postgresql/*/bin;" \
        "install the postgresql package (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN"
  fi
  BIN=$best
}

# The directory actually holding the cluster: DIR, or the /tmp dir recorded in DIR.path.
real_dir() {
  local p
  if [ -f "$PATHFILE" ]; then
    p=$(cat "$PATHFILE")
    if [ -n "$p" ] && [ -f "$p/$MARKER" ]; then echo "$p"; return; fi
  fi
  echo "$DIR"
}

is_running() { # $1 = cluster dir
  [ -f "$1/$MARKER" ] && [ -f "$1/data/postmaster.pid" ] || return 1
  find_bin
  as_pg "$BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

port_of() { sed -n 4p "$1/data/postmaster.pid"; }   # line 4 of postmaster.pid is the port

wait_ready() { # $1 = port, $2 = attempts (0.5 s apart)
  local i
  for ((i = 0; i < $2; i++)); do
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -U postgres -d postgres && return 0
    sleep 0.5
  done
  return 1
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_postgres_user() {
  if ! getent passwd postgres >/dev/null; then
    log "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /bin/sh postgres
  fi
}

# Stop the cluster in $1 (if it is one of ours) and delete the directory.
destroy() {
  local d=$1
  [ -e "$d" ] || return 0
  if [ ! -f "$d/$MARKER" ]; then
    if rmdir "$d" 2>/dev/null; then return 0; fi
    die "$d exists but was not created by $0; refusing to delete it"
  fi
  if [ -f "$d/data/postmaster.pid" ]; then
    find_bin
    if as_pg "$BIN/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
      log "stopping server in $d"
      as_pg "$BIN/pg_ctl" -D "$d/data" -m fast -w -t 60 stop >&2 ||
        as_pg "$BIN/pg_ctl" -D "$d/data" -m immediate -w -t 30 stop >&2 ||
        die "could not stop the server in $d (see $d/postgres.log)"
    fi
  fi
  rm -rf -- "$d"
}

cmd_stop() {
  local r
  r=$(real_dir)
  destroy "$r"
  [ "$r" = "$DIR" ] || destroy "$DIR"
  rm -f -- "$PATHFILE"
  log "stopped"
}

cmd_start() {
  local r port url tries ok sock_len
  r=$(real_dir)
  if is_running "$r"; then
    port=$(port_of "$r")
    if wait_ready "$port" 20; then
      log "already running in $r on port $port"
      echo "postgres://postgres@127.0.0.1:$port/$DB"
      return 0
    fi
    log "server in $r does not answer on port $port; recreating it"
  fi
  # stale or half-made cluster: throw it away and start afresh
  destroy "$r"
  [ "$r" = "$DIR" ] || destroy "$DIR"
  rm -f -- "$PATHFILE"

  find_bin
  log "using $BIN"
  [ "$IS_ROOT" -eq 0 ] || ensure_postgres_user

  # Choose where the cluster lives.
  r=$DIR
  mkdir -p -- "$r"
  [ "$IS_ROOT" -eq 0 ] || chown postgres: "$r"
  chmod 700 "$r"
  # unix socket path ($r/data/.s.PGSQL.NNNNN) must fit in sun_path (~107 bytes)
  sock_len=$(( ${#r} + 22 ))
  if ! as_pg test -w "$r" -a -x "$r" || [ "$sock_len" -gt 100 ]; then
    rmdir -- "$r"
    r=$(mktemp -d "${TMPDIR:-/tmp}/registrum-pg.XXXXXX")
    [ "$IS_ROOT" -eq 0 ] || chown postgres: "$r"
    chmod 700 "$r"
    mkdir -p -- "$(dirname -- "$PATHFILE")"
    echo "$r" >"$PATHFILE"
    log "$DIR is not usable by the server user (or its path is too long); using $r (recorded in $PATHFILE)"
  fi
  : >"$r/$MARKER"

  # initdb
  local locale_opt=--locale=C.UTF-8
  if command -v locale >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale_opt=--no-locale
  fi
  if ! as_pg "$BIN/initdb" -D "$r/data" --auth=trust -U postgres --encoding=UTF8 "$locale_opt" \
        >"$r/initdb.log" 2>&1; then
    if [ "$locale_opt" != --no-locale ]; then
      log "initdb with $locale_opt failed; retrying with --no-locale"
      rm -rf -- "$r/data"
      as_pg "$BIN/initdb" -D "$r/data" --auth=trust -U postgres --encoding=UTF8 --no-locale \
        >"$r/initdb.log" 2>&1 || { cat "$r/initdb.log" >&2; die "initdb failed"; }
    else
      cat "$r/initdb.log" >&2; die "initdb failed"
    fi
  fi

  cat >>"$r/data/postgresql.conf" <<EOF

# ---- scripts/ci-postgres.sh ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '$r/data'
max_connections = 200
fsync = on
include_if_exists = 'ci-port.conf'
EOF

  # Pick a free port and start; retry on a lost race for the port.
  port=$FIRST_PORT
  tries=0
  ok=0
  while [ "$tries" -lt 100 ]; do
    if port_busy "$port"; then port=$((port + 1)); continue; fi
    tries=$((tries + 1))
    as_pg sh -c 'echo "port = $1" >"$2"' _ "$port" "$r/data/ci-port.conf"
    if as_pg "$BIN/pg_ctl" -D "$r/data" -l "$r/postgres.log" -w -t 60 start >/dev/null 2>&1; then
      ok=1
      break
    fi
    if grep -qiE 'could not (bind|create listen socket)|address already in use|lock file .* already exists' \
         "$r/postgres.log" 2>/dev/null; then
      log "port $port taken meanwhile; trying the next one"
      as_pg "$BIN/pg_ctl" -D "$r/data" -m immediate stop >/dev/null 2>&1 || true
      : >"$r/postgres.log" 2>/dev/null || true
      port=$((port + 1))
      continue
    fi
    break
  done
  if [ "$ok" -ne 1 ]; then
    tail -n 30 "$r/postgres.log" >&2 2>/dev/null || true
    die "server did not start (log: $r/postgres.log)"
  fi

  wait_ready "$port" 60 || die "server on port $port not ready after 30s (log: $r/postgres.log)"

  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE DATABASE $DB" >&2

  url="postgres://postgres@127.0.0.1:$port/$DB"
  log "PostgreSQL $("$BIN/postgres" -V | awk '{print $3}') ready in $r on port $port"
  echo "$url"
}

case $CMD in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) usage ;;
esac

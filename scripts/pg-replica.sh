#!/usr/bin/env bash
# A streaming replica of a private PostgreSQL cluster made by scripts/ci-postgres.sh, and pg_ctl on
# either, for the database fault tests (packages/server/test/fault/database.test.ts) and for trying
# failover by hand.
#
#   scripts/pg-replica.sh replica PRIMARY_DIR REPLICA_DIR [NAME]
#       base backup (pg_basebackup -R) of the running cluster in PRIMARY_DIR into REPLICA_DIR, started as a
#       hot standby streaming from it under the name NAME (its application_name, what
#       synchronous_standby_names names; default registrum_replica); prints ONE line on stdout:
#       postgres://postgres@127.0.0.1:PORT/registrum
#   scripts/pg-replica.sh ctl DIR start|stop|restart|promote|status [pg_ctl options, e.g. -m fast]
#       pg_ctl on the cluster in DIR, as the user that owns it (waits for the operation to finish)
#   scripts/pg-replica.sh port DIR
#       the port the cluster in DIR listens on
#   scripts/ci-postgres.sh stop DIR
#       stops either cluster and deletes its directory
#
# The replica gets its own port (CI_PG_FIRST_PORT upward, default 55432, the first free one), listens on
# 127.0.0.1 only, trust authentication, hot_standby_feedback on. Everything but the URL goes to stderr.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CMD=${1:-}
MARKER=.registrum-ci-postgres
DB=registrum
FIRST_PORT=${CI_PG_FIRST_PORT:-55432}

log() { printf 'pg-replica: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1
as_pg() {
  if [ "$IS_ROOT" -eq 1 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

find_bin() {
  local best=
  if [ -n "${PG_BIN:-}" ]; then
    best=$PG_BIN
  else
    best=$(for d in /usr/lib/postgresql/*/bin; do
             [ -x "$d/pg_basebackup" ] && [ -x "$d/pg_ctl" ] && echo "$d"
           done | sort -t/ -k5,5n | tail -n1)
    if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then best=$(pg_config --bindir); fi
  fi
  [ -n "$best" ] && [ -x "$best/pg_ctl" ] && [ -x "$best/pg_basebackup" ] ||
    die "no PostgreSQL server binaries (pg_ctl, pg_basebackup) found; install the postgresql package or set PG_BIN"
  BIN=$best
}

abs() { case $1 in /*) echo "${1%/}" ;; *) echo "$PWD/${1%/}" ;; esac; }

# The directory holding a cluster made by ci-postgres.sh (or by us): DIR, or where DIR.path points.
cluster_dir() {
  local d p
  d=$(abs "$1")
  if [ -f "$d.path" ]; then
    p=$(cat "$d.path")
    if [ -n "$p" ] && [ -f "$p/$MARKER" ]; then echo "$p"; return; fi
  fi
  [ -f "$d/$MARKER" ] || die "$d is not a cluster made by scripts/ci-postgres.sh or $0"
  echo "$d"
}

port_of() { sed -n 4p "$1/data/postmaster.pid"; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_replica() {
  local primary dir name pport r port sock_len
  [ $# -ge 2 ] || usage
  find_bin
  primary=$(cluster_dir "$1")
  dir=$(abs "$2")
  name=${3:-registrum_replica}
  [ -f "$primary/data/postmaster.pid" ] || die "the cluster in $primary is not running"
  pport=$(port_of "$primary")
  [ ! -e "$dir" ] || die "$dir exists; stop it first (scripts/ci-postgres.sh stop $dir)"

  # Where the replica lives: DIR, or a /tmp directory (remembered in DIR.path) when the server user
  # cannot reach DIR or the socket path would be too long, as ci-postgres.sh does.
  r=$dir
  mkdir -p -- "$r"
  [ "$IS_ROOT" -eq 0 ] || chown postgres: "$r"
  chmod 700 "$r"
  sock_len=$(( ${#r} + 22 ))
  if ! as_pg test -w "$r" -a -x "$r" || [ "$sock_len" -gt 100 ]; then
    rmdir -- "$r"
    r=$(mktemp -d "${TMPDIR:-/tmp}/registrum-pg.XXXXXX")
    [ "$IS_ROOT" -eq 0 ] || chown postgres: "$r"
    chmod 700 "$r"
    echo "$r" >"$dir.path"
    log "$dir is not usable by the server user; using $r (recorded in $dir.path)"
  fi
  : >"$r/$MARKER"

  log "base backup of the primary on port $pport into $r"
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$pport" -U postgres -D "$r/data" -X stream -R --checkpoint=fast \
    >"$r/basebackup.log" 2>&1 || { cat "$r/basebackup.log" >&2; die "pg_basebackup failed"; }

  # Streams from the primary under its own name; pg_basebackup -R wrote a primary_conninfo without it.
  as_pg sh -c 'grep -v "^primary_conninfo" "$1" >"$1.new" && mv "$1.new" "$1" && echo "$2" >>"$1"' _ \
    "$r/data/postgresql.auto.conf" "primary_conninfo = 'host=127.0.0.1 port=$pport user=postgres application_name=$name'"

  port=$FIRST_PORT
  while port_busy "$port" || [ "$port" = "$pport" ]; do port=$((port + 1)); done
  # ci-port.conf is included last by the primary's postgresql.conf (copied by the base backup).
  as_pg sh -c 'printf "%s\n" "port = $2" "unix_socket_directories = '"'"'$3'"'"'" "hot_standby = on" "hot_standby_feedback = on" >"$1"' _ \
    "$r/data/ci-port.conf" "$port" "$r/data"
  as_pg "$BIN/pg_ctl" -D "$r/data" -l "$r/postgres.log" -w -t 60 start >/dev/null ||
    { tail -n 30 "$r/postgres.log" >&2; die "the replica did not start (log: $r/postgres.log)"; }
  log "replica '$name' of port $pport streaming in $r on port $port"
  echo "postgres://postgres@127.0.0.1:$port/$DB"
}

cmd_ctl() {
  local r
  [ $# -ge 2 ] || usage
  find_bin
  r=$(cluster_dir "$1")
  shift
  as_pg "$BIN/pg_ctl" -D "$r/data" -l "$r/postgres.log" -w -t 60 "$@" >&2
}

cmd_port() {
  [ $# -ge 1 ] || usage
  port_of "$(cluster_dir "$1")"
}

case $CMD in
  replica) shift; cmd_replica "$@" ;;
  ctl) shift; cmd_ctl "$@" ;;
  port) shift; cmd_port "$@" ;;
  *) usage ;;
esac

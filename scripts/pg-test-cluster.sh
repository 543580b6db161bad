#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the store tests: initdb in a temporary folder, listening
# only on 127.0.0.1 at a free port, trust authentication (nothing but this machine can reach it).
#
#   url=$(scripts/pg-test-cluster.sh start)    # prints postgresql://thidua@127.0.0.1:PORT/thidua
#   scripts/pg-test-cluster.sh stop "$url"     # stops it and deletes its folder
#
# Run as root, the server runs as the unprivileged `postgres` user (PostgreSQL refuses root).
set -euo pipefail

bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
base=${TMPDIR:-/tmp}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! port_in_use "$port" && [ ! -e "$base/thidua-pg-$port" ]; then echo "$port"; return; fi
  done
  echo "no free port found" >&2
  exit 1
}

start() {
  local port dir
  port=$(free_port)
  dir="$base/thidua-pg-$port"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U thidua --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  # fsync off: the cluster is deleted after the tests; durability is SQLite's test, not this one.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
    start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U thidua thidua
  echo "postgresql://thidua@127.0.0.1:$port/thidua"
}

stop() {
  local url=${1:-${THIDUA_TEST_PG_URL:-}} port dir
  port=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$url")
  dir="$base/thidua-pg-$port"
  [ -d "$dir/data" ] || { echo "no test cluster at $dir" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [URL]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Browser tests of the web UI: starts `thidua serve` on a throw-away SQLite database and a free
# loopback port, then drives Debian's chromium (headless) with playwright-core from web/node_modules.
#   tests/browser/run.sh build/thidua
# Needs: node, /usr/bin/chromium, web/node_modules (scripts/install-deps.sh). No network.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "Cách dùng: $0 <đường dẫn tới tệp chạy thidua>" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$binary" ] || { echo "Không chạy được $binary" >&2; exit 2; }
[ -d "$root/web/node_modules/playwright-core" ] || {
  echo "Thiếu web/node_modules/playwright-core: chạy scripts/install-deps.sh" >&2; exit 2; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "Thiếu $chromium: chạy scripts/install-deps.sh" >&2; exit 2; }

tmp="$(mktemp -d -t thidua-browser.XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  stop_server
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "Giữ lại $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT INT TERM

admin_password="${THIDUA_ADMIN_PASSWORD:-Thu-nghiem-$(date +%s)-$$}"

# Each suite gets its own server on a fresh database and a free loopback port (a tiny race with
# other processes over the port is acceptable).
run_suite() {
  local suite="$1" name
  name="$(basename "$suite" .test.mjs)"
  local port
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  THIDUA_ADMIN_PASSWORD="$admin_password" "$binary" serve --db "sqlite:$tmp/$name.db" --port "$port" \
    --bind 127.0.0.1 >"$tmp/$name-server.log" 2>&1 &
  server_pid=$!
  local base_url="http://127.0.0.1:$port"
  healthy() {
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$base_url/healthz"
  }
  for _ in $(seq 1 100); do
    if healthy; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "Máy chủ dừng khi khởi động:" >&2; cat "$tmp/$name-server.log" >&2; return 1
    fi
    sleep 0.1
  done
  healthy || { echo "Máy chủ không trả lời /healthz" >&2; cat "$tmp/$name-server.log" >&2; return 1; }

  local status=0
  BASE_URL="$base_url" THIDUA_BINARY="$binary" THIDUA_ADMIN_PASSWORD="$admin_password" \
    THIDUA_SOURCE_DIR="$root" ARTIFACTS_DIR="${ARTIFACTS_DIR:-$tmp/artifacts}" CHROMIUM="$chromium" \
    NODE_PATH="$root/web/node_modules" node --test --test-reporter=spec "$suite" || status=$?
  if [ $status -ne 0 ]; then
    echo "--- nhật ký máy chủ (server log) ---" >&2
    tail -n 50 "$tmp/$name-server.log" >&2
    [ -d "${ARTIFACTS_DIR:-$tmp/artifacts}" ] && echo "Ảnh chụp màn hình: ${ARTIFACTS_DIR:-$tmp/artifacts}" >&2
    [ -z "${ARTIFACTS_DIR:-}" ] && KEEP_TMP=1
  fi
  stop_server
  return $status
}

status=0
for suite in "$root"/tests/browser/*.test.mjs; do
  run_suite "$suite" || status=1
done
exit $status

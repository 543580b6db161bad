#!/usr/bin/env bash
# The whole benchmark of issue #8 in one run: builds thidua in Release with the Google Benchmark
# binary, installs DuckDB (npm, bench/duckdb only) and wrk if missing, generates the datasets,
# measures end-to-end, in memory, import, HTTP and linear growth, and writes bench/RESULTS.md.
# See bench/README.md for what each figure is and what it is compared with.
#
#   bench/run.sh            national dataset (2.5 million people): about 3 minutes on 2 cores once
#                           built and generated
#   bench/run.sh --quick    the province preset for everything: a try-out in a few minutes
#
#   BENCH_WORK=DIR   datasets, databases and raw measurements (default /tmp/thidua-bench);
#                    datasets are reused when generated with the same parameters
#   BENCH_PORT=N     loopback port of the HTTP server (default 18480)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac

work="${BENCH_WORK:-/tmp/thidua-bench}"
port="${BENCH_PORT:-18480}"
years=2021-2025
year_count=5
seed=1
plan_file="$repo/plans/kien-giang-2021-2025.yaml"
plan_id=kien-giang-2021-2025
period=2021-2025
build="$repo/build-bench"
thidua="$build/thidua"
raw="$work/results"   # one file per measurement, read by bench/report.mjs
mkdir -p "$work" "$raw"
rm -f "$raw"/*
# Other work on the machine slows both sides: the report shows the load before and after.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The revision measured is the one built now, whatever is edited while the run goes on.
revision="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"

# Both sides on 2 threads (DuckDB: SET threads = 2 in award.mjs).
export THIDUA_THREADS=2

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------

say "build (Release, thidua + thidua_bench)"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTHIDUA_TESTS=OFF -DTHIDUA_BENCH=ON \
  "${launcher[@]}" >/dev/null
ninja -C "$build" -j2 thidua thidua_bench >&2

say "DuckDB (npm ci in bench/duckdb)"
duck="$repo/bench/duckdb"
if [ ! -d "$duck/node_modules" ] || [ "$duck/package-lock.json" -nt "$duck/node_modules" ]; then
  (cd "$duck" && npm ci --no-audit --no-fund >&2)
  touch "$duck/node_modules"
fi

if ! command -v wrk >/dev/null 2>&1; then
  say "wrk (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq wrk >&2
fi
for tool in /usr/bin/time sqlite3 curl node pgrep; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }
done

# --- datasets ----------------------------------------------------------------------------------

# gen PRESET PERCENT: prints the folder of that dataset, generating it unless a previous run left
# it with the same parameters (the stamp is written last, so an interrupted gen is redone).
gen() {
  local preset=$1 percent=$2
  local dir="$work/data-$preset-$years-seed$seed-p$percent"
  local stamp="gen --preset $preset --years $years --seed $seed --people-percent $percent"
  if [ "$(cat "$dir/.bench-stamp" 2>/dev/null)" != "$stamp" ]; then
    say "thidua $stamp"
    rm -rf "$dir"
    "$thidua" gen --preset "$preset" --years "$years" --seed "$seed" --people-percent "$percent" \
      --out "$dir" >&2
    echo "$stamp" >"$dir/.bench-stamp"
  fi
  echo "$dir"
}

# Data rows of a dataset: lines minus the header, per file (gen writes no newline inside a cell).
data_rows() {
  local total=0 n f
  for f in "$1"/*.csv; do
    n=$(wc -l <"$f")
    total=$((total + n - 1))
  done
  echo "$total"
}
people_rows() { echo $(($(wc -l <"$1/people.csv") - 1)); }

if [ $quick = 1 ]; then
  big=$(gen province 100)
  sizes=("$(gen province 25)" "$(gen province 50)" "$big")
else
  big=$(gen national 100)
  sizes=("$(gen province 100)" "$(gen national 25)" "$big")
fi
province=$(gen province 100)

# timed NAME CMD...: runs CMD under /usr/bin/time -v; stdout to $raw/NAME.out, the time report
# to $raw/NAME.time (wall clock and peak memory for the report).
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$raw/$name.time" "$@" >"$raw/$name.out"
}

# --- 1. end-to-end from CSV --------------------------------------------------------------------

# Rounds that alternate the two sides: a host that slows down or speeds up during the run then
# weighs on both, and the report takes each side's median round (e2e-thidua, e2e-thidua-2, …).
e2e_rounds=3
for round in $(seq "$e2e_rounds"); do
  suffix=""
  [ "$round" = 1 ] || suffix="-$round"
  say "end-to-end ($round/$e2e_rounds): thidua evaluate --format summary on $big"
  timed "e2e-thidua$suffix" "$thidua" evaluate --plan "$plan_file" --data "$big" \
    --period "$period" --format summary
  say "end-to-end ($round/$e2e_rounds): DuckDB over the same CSV files"
  timed "e2e-duckdb$suffix" node "$duck/award.mjs" csv "$big" "$raw/e2e-thidua.out"
done

# --- 2. in memory ------------------------------------------------------------------------------

say "in memory: thidua_bench (Google Benchmark, median of 3)"
timed mem-thidua env THIDUA_BENCH_DATA="$big" "$build/thidua_bench" --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_format=json
say "in memory: DuckDB on loaded tables (median of 5)"
timed mem-duckdb node "$duck/award.mjs" memory "$big" "$raw/e2e-thidua.out" 5

# --- 3. import ---------------------------------------------------------------------------------

say "import: thidua import into a fresh SQLite store"
data_rows "$big" >"$raw/import-rows.txt"
rm -f "$work/import-thidua.db"*
timed import-thidua "$thidua" import --db "sqlite:$work/import-thidua.db" "$big"
say "import: sqlite3 .import into untyped tables"
rm -f "$work/import-sqlite3.db"*
for f in "$big"/*.csv; do
  table=$(basename "$f" .csv)
  # Untyped columns named by the header: sqlite3 stores the text as it comes.
  echo "CREATE TABLE \"$table\"($(head -1 "$f" | tr -d '\r\357\273\277'));"
  echo ".import --csv --skip 1 '$f' $table"
done >"$work/import-sqlite3.sql"
timed import-sqlite3 sqlite3 "$work/import-sqlite3.db" <"$work/import-sqlite3.sql"

# --- 4. HTTP -----------------------------------------------------------------------------------

say "HTTP: store with the plan and the province preset"
http_db="$work/http-province.db"
rm -f "$http_db"*
"$thidua" plan save --db "sqlite:$http_db" --user bench "$plan_file" >&2
"$thidua" import --db "sqlite:$http_db" --user bench --plan "$plan_id" "$province" >/dev/null
people_rows "$province" >"$raw/http-people.txt"

base="http://127.0.0.1:$port"
if curl -s -o /dev/null "$base/healthz"; then
  echo "something already answers on $base: choose another BENCH_PORT" >&2
  exit 1
fi
# A fresh administrator password for this throw-away store only.
password="bench-$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
THIDUA_ADMIN_PASSWORD="$password" /usr/bin/time -v -o "$raw/http-server.time" \
  "$thidua" serve --db "sqlite:$http_db" --port "$port" --bind 127.0.0.1 --no-reminders \
  >"$work/serve.log" 2>&1 &
time_pid=$!
stop_server() {
  [ -n "$time_pid" ] || return 0
  # The server is time's child. SIGTERM waits for requests in flight (evaluations wrk left
  # behind); then stop it outright.
  local server_pid
  server_pid=$(pgrep -P "$time_pid" -x thidua || true)
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$time_pid" 2>/dev/null || true
  time_pid=""
}
trap stop_server EXIT
for _ in $(seq 100); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
if ! curl -sf "$base/healthz" >/dev/null 2>&1; then
  echo "thidua serve did not answer on $base (port taken? set BENCH_PORT):" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }
jar="$work/cookies.txt"
rm -f "$jar"
csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/login" |
  json_field csrf_token)
token=$(curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"username":"admin","name":"bench","days":1}' "$base/api/v1/tokens" | json_field token)
rm -f "$jar"

# The headline is what the evaluation page asks: the default answer, one page (50) of each group.
# The whole document (limit=all, about 126 MB for the province) is measured beside it.
eval_url="$base/api/v1/plans/$plan_id/evaluation?period=$period"
all_url="$eval_url&limit=all"
single() {
  curl -s --max-time 300 -o /dev/null -H "Authorization: Bearer $token" \
    -w '{"status":%{http_code},"seconds":%{time_total},"bytes":%{size_download}}\n' "$1"
}
say "HTTP: one evaluation request alone (curl), the default page and the whole document"
single "$eval_url" >"$raw/http-single.json"
single "$all_url" >"$raw/http-single-all.json"

# wrk: 2 threads, 64 connections, 10 s. --timeout 10s: a slow answer still counts in the
# latencies instead of being dropped as a timeout after wrk's default 2 s.
run_wrk() {
  local name=$1 url=$2
  say "HTTP: wrk $url ($name)"
  THIDUA_BENCH_TOKEN="$token" wrk -t2 -c64 -d10s --timeout 10s --latency \
    -s "$repo/bench/wrk/auth.lua" "$url" >"$raw/$name.out"
}
run_wrk http-healthz "$base/healthz"
run_wrk http-evaluation "$eval_url"
# What a browser does: ask for gzip, and revalidate the copy it holds (the server's ETag).
THIDUA_BENCH_GZIP=1 run_wrk http-evaluation-gzip "$eval_url"
etag=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $token" "$eval_url" |
  sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | tr -d '\r')
THIDUA_BENCH_ETAG="$etag" run_wrk http-evaluation-304 "$eval_url"
# The whole document, so that what paging hides is still measured.
run_wrk http-evaluation-all "$all_url"
THIDUA_BENCH_GZIP=1 run_wrk http-evaluation-all-gzip "$all_url"
stop_server

# --- 5. linear growth --------------------------------------------------------------------------

n=0
for dir in "${sizes[@]}"; do
  n=$((n + 1))
  people_rows "$dir" >"$raw/linear-$n.people"
  echo "$dir" >"$raw/linear-$n.dir"
  if [ "$dir" = "$big" ]; then
    # The largest point is the end-to-end and in-memory run above.
    cp "$raw/e2e-thidua.time" "$raw/linear-$n-csv.time"
    cp "$raw/mem-thidua.out" "$raw/linear-$n-mem.out"
    continue
  fi
  say "linear growth: $(people_rows "$dir") people"
  timed "linear-$n-csv" "$thidua" evaluate --plan "$plan_file" --data "$dir" --period "$period" \
    --format summary
  timed "linear-$n-mem" env THIDUA_BENCH_DATA="$dir" "$build/thidua_bench" \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json
done

# --- report ------------------------------------------------------------------------------------

say "bench/RESULTS.md"
{
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "ram=$(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel=$(uname -sr)"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "revision=$revision"
  echo "mode=$([ $quick = 1 ] && echo quick || echo full)"
  echo "big=$big"
  echo "year_count=$year_count"
  echo "load_start=$load_start"
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$raw/machine.txt"
node "$repo/bench/report.mjs" "$raw" >"$repo/bench/RESULTS.md"
cat "$repo/bench/RESULTS.md"

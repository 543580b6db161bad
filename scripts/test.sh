#!/usr/bin/env bash
# Builds and runs every test: unit, scenario, store and API tests under AddressSanitizer and
# UndefinedBehaviorSanitizer (the store and API suites on SQLite and on a throw-away PostgreSQL),
# the browser tests of the web UI, then each libFuzzer target briefly over its seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# Tests, with sanitizers.
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTHIDUA_SANITIZE=ON -DTHIDUA_TESTS=ON >/dev/null
cmake --build build-test --parallel 2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The store suite runs on SQLite and on a throw-away PostgreSQL cluster, stopped however we exit.
THIDUA_TEST_PG_URL=$(scripts/pg-test-cluster.sh start)
export THIDUA_TEST_PG_URL
trap 'scripts/pg-test-cluster.sh stop "$THIDUA_TEST_PG_URL"' EXIT
(cd build-test && ctest --output-on-failure --parallel 2)

# The web UI in Debian's chromium (headless), driven by playwright-core, against the real server.
tests/browser/run.sh build-test/thidua

# Every plan file shipped must pass `thidua check`.
for plan in plans/*.yaml; do build-test/thidua check --plan "$plan" >/dev/null; done

# Fuzzers: a short run each (longer by hand: scripts/fuzz.sh NAME SECONDS).
scripts/fuzz.sh all "${THIDUA_FUZZ_SECONDS:-15}"

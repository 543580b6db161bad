#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs one (or all) for SECONDS over its corpus.
#   scripts/fuzz.sh all 15          # what the test command runs
#   scripts/fuzz.sh plan_fuzzer 600 # a longer run by hand
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-15}

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTHIDUA_FUZZ=ON -DTHIDUA_TESTS=OFF >/dev/null
cmake --build build-fuzz --parallel 2

for src in fuzz/*_fuzzer.cpp; do
  name=$(basename "$src" .cpp)
  [ "$target" = all ] || [ "$target" = "$name" ] || continue
  # The first corpus folder collects what the fuzzer finds; the others are seeds, read only.
  corpora=("build-fuzz/corpus-$name")
  mkdir -p "${corpora[0]}"
  case "$name" in
    plan_fuzzer) corpora+=(plans) ;;
    csv_fuzzer) corpora+=(samples/kien-giang-2021-2025) ;;
    xlsx_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/xlsx) ;;
    zip_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/zip) ;;
    encoding_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/encoding) ;;
    multipart_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/multipart) ;;
    json_body_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/json) ;;
    docx_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/docx) ;;
    file_kind_fuzzer) corpora+=(tests/fixtures/fuzz-seeds/file-kind tests/fixtures/fuzz-seeds/zip) ;;
  esac
  options=(-max_total_time="$seconds" -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/)
  [ -f "fuzz/$name.dict" ] && options+=(-dict="fuzz/$name.dict")
  echo "fuzz: $name for ${seconds}s"
  log="build-fuzz/$name.log"
  status=0
  build-fuzz/"$name" "${options[@]}" "${corpora[@]}" >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|==[0-9]+==|SUMMARY)" "$log" || true
  if [ "$status" -ne 0 ]; then tail -n 40 "$log"; exit "$status"; fi
done

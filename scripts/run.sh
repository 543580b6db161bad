#!/usr/bin/env bash
# The main job on shipped sample data: install, build, check the seed plans and evaluate the
# Kiên Giang phase on its sample dataset as a readable Vietnamese table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTHIDUA_TESTS=OFF >/dev/null
cmake --build build --parallel 2 --target thidua

for plan in plans/*.yaml; do build/thidua check --plan "$plan"; done
echo
build/thidua evaluate --plan plans/kien-giang-2021-2025.yaml \
  --data samples/kien-giang-2021-2025 --period 2021-2025 --format table

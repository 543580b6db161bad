#!/usr/bin/env bash
# Installs what thidua needs from Debian 12 packages, and only what is missing. postgresql-15 is
# for the tests: scripts/pg-test-cluster.sh starts a throw-away cluster with its binaries.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev libexpected-dev libicu-dev libspdlog-dev
  libsqlite3-dev libpq-dev libzip-dev libexpat1-dev libxlsxwriter-dev
  libboost-dev
  postgresql-15
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài đặt gói còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

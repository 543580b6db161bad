#!/usr/bin/env bash
# Installs what thidua needs from Debian 12 packages, and only what is missing. postgresql-15 is
# for the tests: scripts/pg-test-cluster.sh starts a throw-away cluster with its binaries.
# nodejs and npm fetch the web UI's libraries (web/package-lock.json), which the build embeds in
# the binary; chromium runs the browser tests (tests/browser/run.sh) headless. LibreOffice Writer,
# Liberation fonts (metric-compatible with Times New Roman) and poppler-utils turn generated
# documents into PDF and text for the document tests.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev libexpected-dev libicu-dev libspdlog-dev
  libsqlite3-dev libpq-dev libzip-dev libexpat1-dev libxlsxwriter-dev libargon2-dev libssl-dev
  libpugixml-dev libcurl4-openssl-dev zlib1g-dev
  libboost-dev
  postgresql-15
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  nodejs chromium
  libdtl-dev
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils
)
# Debian's npm, unless the command is already there: NodeSource's nodejs bundles npm and conflicts
# with the Debian package.
command -v npm >/dev/null 2>&1 || packages+=(npm)
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

# The web UI's libraries, exactly as locked. Again only when missing or older than the lock file.
web_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/web"
if [ ! -d "$web_dir/node_modules" ] || [ "$web_dir/package-lock.json" -nt "$web_dir/node_modules" ]; then
  echo "Cài thư viện giao diện web (npm ci trong web/)"
  (cd "$web_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  touch "$web_dir/node_modules"
fi

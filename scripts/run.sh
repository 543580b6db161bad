#!/usr/bin/env bash
# The main job on shipped sample data: install what is missing, build, check the five seed plans,
# store them with their sample datasets in an embedded SQLite database, and start the web
# application on it. It prints the address and how to log in; Ctrl+C stops it.
#   THIDUA_DB=sqlite:FILE | postgresql://…   (default sqlite:thidua-demo.db)
#   THIDUA_PORT=8080  THIDUA_BIND=127.0.0.1  THIDUA_ADMIN_PASSWORD=…  (else one is generated)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTHIDUA_TESTS=OFF >/dev/null
cmake --build build --parallel 2 --target thidua

db="${THIDUA_DB:-sqlite:thidua-demo.db}"
for plan in plans/*.yaml; do build/thidua check --plan "$plan"; done
# Phú Quốc's board is a department of Kiên Giang: its sample goes in first so that the Kiên
# Giang sample, imported after it, has the last word on the board's place in the province.
for id in phu-quoc-2021-2025 kien-giang-2021-2025 soc-trang-2021-2030 nga-nam-2021-2030 \
          chau-thanh-2023; do
  build/thidua plan save --db "$db" --user mau "plans/$id.yaml" >/dev/null
  build/thidua import --db "$db" --user mau --plan "$id" "samples/$id" >/dev/null
  echo "Đã nạp kế hoạch và dữ liệu mẫu: $id"
done

echo
echo "Mở trình duyệt tại địa chỉ in ra dưới đây và đăng nhập bằng tài khoản admin."
echo "Lần chạy đầu, mật khẩu được tạo và in ra một lần (hoặc lấy từ THIDUA_ADMIN_PASSWORD)."
exec build/thidua serve --db "$db" --port "${THIDUA_PORT:-8080}" --bind "${THIDUA_BIND:-127.0.0.1}"

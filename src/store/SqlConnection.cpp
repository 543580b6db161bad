#include "store/SqlConnection.h"

#include <fmt/format.h>

namespace thidua::store {

Result<int64_t> query_int(SqlConnection& db, std::string_view sql,
                          std::span<const SqlValue> params) {
    int64_t value = 0;
    auto done = db.query(sql, params, [&](const SqlRow& row) {
        if (!row.is_null(0)) value = row.integer(0);
    });
    if (!done) return tl::unexpected(done.error());
    return value;
}

StoreError sql_error(std::string_view engine, std::string detail) {
    return {fmt::format("Lỗi cơ sở dữ liệu ({})", engine),
            fmt::format("database error ({})", engine), std::move(detail)};
}

}  // namespace thidua::store

#pragma once
// One value bound to a SQLite statement parameter, shared by single statements and the staged
// multi-row inserts. Internal to src/store.

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "store/SqlConnection.h"

namespace thidua::store {

// SQLITE_STATIC: the caller keeps `bytes` alive until the statement has run and been reset.
inline int bind_sqlite_value(sqlite3_stmt* stmt, int index, SqlValue::Kind kind, int64_t integer,
                             double real, std::string_view bytes) {
    const auto size = static_cast<int>(bytes.size());
    switch (kind) {
        case SqlValue::Kind::Null:
            return sqlite3_bind_null(stmt, index);
        case SqlValue::Kind::Int:
            return sqlite3_bind_int64(stmt, index, integer);
        case SqlValue::Kind::Real:
            return sqlite3_bind_double(stmt, index, real);
        case SqlValue::Kind::Text:
            return sqlite3_bind_text(stmt, index, bytes.data(), size, SQLITE_STATIC);
        case SqlValue::Kind::Blob:
            return sqlite3_bind_blob(stmt, index, bytes.data(), size, SQLITE_STATIC);
    }
    return SQLITE_MISUSE;
}

}  // namespace thidua::store

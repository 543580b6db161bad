#pragma once
// The schema as numbered steps compiled into the binary. A step is SQL both engines accept, with
// ${ID}, ${REAL}, ${BLOB} spelled per engine, followed by a text per engine where they differ
// (append-only triggers). Applied steps are never edited: a change is a new step.

#include <span>
#include <string>
#include <string_view>

namespace thidua::store {

struct Migration {
    int version = 0;
    std::string_view name;
    std::string_view sql;         // shared text, tokens filled in
    std::string_view sqlite;      // run after it on SQLite, as written, or empty
    std::string_view postgresql;  // run after it on PostgreSQL, as written, or empty
};

std::span<const Migration> migrations();
int latest_schema_version();

// The text run on `engine`, with its type names filled in.
std::string migration_sql(const Migration& m, std::string_view engine);

// FNV-1a 64 of the text run, in hex: detects a step edited after it was applied.
std::string migration_checksum(std::string_view sql);

}  // namespace thidua::store

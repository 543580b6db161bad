#include "store/SecondaryIndexes.h"

#include <fmt/format.h>

namespace thidua::store {
namespace {

// SQLite keeps each index's CREATE text as written; its automatic indexes (primary keys, UNIQUE)
// have none and are left alone.
constexpr std::string_view kSqliteIndexes =
    "SELECT 'main.\"' || name || '\"', sql FROM main.sqlite_master WHERE type = 'index' AND "
    "tbl_name = $1 AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'";

// The table as the connection's search_path finds it (each test runs in a schema of its own);
// the definition comes back schema-qualified.
constexpr std::string_view kPostgresqlIndexes =
    "SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid) "
    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = "
    "i.relnamespace WHERE x.indrelid = to_regclass($1) AND NOT x.indisunique AND NOT "
    "x.indisprimary ORDER BY i.relname";

}  // namespace

Result<std::vector<IndexDefinition>> secondary_indexes(SqlConnection& db, std::string_view table) {
    const std::string_view sql = db.engine() == "postgresql" ? kPostgresqlIndexes : kSqliteIndexes;
    const SqlValue params[] = {SqlValue::of(table)};
    std::vector<IndexDefinition> out;
    auto done = db.query(sql, params, [&](const SqlRow& row) {
        out.push_back({std::string(row.text(0)), std::string(row.text(1))});
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<> drop_indexes(SqlConnection& db, const std::vector<IndexDefinition>& indexes) {
    for (const IndexDefinition& index : indexes) {
        if (auto r = db.exec_script(fmt::format("DROP INDEX {}", index.qualified_name)); !r)
            return r;
    }
    return {};
}

Result<> create_indexes(SqlConnection& db, const std::vector<IndexDefinition>& indexes) {
    for (const IndexDefinition& index : indexes) {
        if (auto r = db.exec_script(index.create_sql); !r) return r;
    }
    return {};
}

}  // namespace thidua::store

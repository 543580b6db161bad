#include "store/NameIndex.h"

#include <fmt/format.h>

#include "base/Collation.h"
#include "base/Text.h"

namespace thidua::store {
namespace {

Result<> rekey(SqlConnection& db, std::string_view table) {
    std::vector<std::pair<std::string, std::string>> rows;
    auto read = db.query(fmt::format("SELECT id, name FROM {}", table), {}, [&](const SqlRow& r) {
        rows.emplace_back(std::string(r.text(0)), vietnamese_sort_key(r.text(1)));
    });
    if (!read) return read;
    const std::string sql = fmt::format("UPDATE {} SET name_sort = $2 WHERE id = $1", table);
    for (const auto& [id, key] : rows) {
        const SqlValue params[] = {SqlValue::of(id), SqlValue::blob(key)};
        if (auto r = db.run(sql, params); !r) return tl::unexpected(r.error());
    }
    return {};
}

}  // namespace

std::string like_pattern(std::string_view search) {
    std::string out = "%";
    for (char c : fold(search)) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

Result<std::vector<NameEntry>> list_names(SqlConnection& db, const NameQuery& query) {
    const std::string_view table = query.kind == NameKind::Unit ? "units" : "people";
    const std::string pattern = like_pattern(query.search);
    const SqlValue params[] = {
        SqlValue::of(pattern),
        SqlValue::of(static_cast<int64_t>(query.limit > 0 ? query.limit : -1))};
    // LIMIT -1 is "no limit" to SQLite; PostgreSQL takes NULL for that.
    const std::string limit = db.engine() == "postgresql" ? "NULLIF($2, -1)" : "$2";
    const std::string sql = fmt::format(
        "SELECT id, name FROM {} WHERE name_fold LIKE $1 ESCAPE '\\' ORDER BY name_sort, id "
        "LIMIT {}",
        table, limit);
    std::vector<NameEntry> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        out.push_back({std::string(r.text(0)), std::string(r.text(1))});
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<> refresh_sort_keys(SqlConnection& db) {
    const std::string version = collation_version();
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return r;
    std::string recorded;
    auto read = db.query("SELECT value FROM store_meta WHERE key = 'collation'", {},
                         [&](const SqlRow& r) { recorded = r.text(0); });
    if (!read) return read;
    if (recorded == version) return tx.commit();
    for (std::string_view table : {"units", "people"}) {
        if (auto r = rekey(db, table); !r) return r;
    }
    const SqlValue params[] = {SqlValue::of(version)};
    auto saved = db.run(
        "INSERT INTO store_meta (key, value) VALUES ('collation', $1) ON CONFLICT (key) DO UPDATE "
        "SET value = excluded.value",
        params);
    if (!saved) return tl::unexpected(saved.error());
    return tx.commit();
}

}  // namespace thidua::store

#include "store/Migrator.h"

#include <map>

#include <fmt/format.h>

#include "store/Clock.h"
#include "store/Migrations.h"

namespace thidua::store {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

using Applied = std::map<int, std::string>;  // version -> checksum

Result<Applied> applied_steps(SqlConnection& db) {
    Applied applied;
    auto done =
        db.query("SELECT version, checksum FROM schema_migrations", {}, [&](const SqlRow& row) {
            applied[static_cast<int>(row.integer(0))] = std::string(row.text(1));
        });
    if (!done) return tl::unexpected(done.error());
    return applied;
}

StoreError newer_database(int found) {
    const int known = latest_schema_version();
    return {fmt::format("Cơ sở dữ liệu có lược đồ phiên bản {}, mới hơn chương trình thidua này "
                        "(phiên bản {}); hãy dùng bản thidua mới hơn, không được ghi đè",
                        found, known),
            fmt::format("the database schema is version {}, newer than this thidua (version {}); "
                        "use a newer thidua rather than overwrite it",
                        found, known),
            {}};
}

StoreError edited_step(const Migration& m) {
    return {fmt::format("Bước lược đồ {} ({}) trong cơ sở dữ liệu khác với bản trong chương "
                        "trình; cơ sở dữ liệu này do một bản thidua khác tạo",
                        m.version, m.name),
            fmt::format("schema step {} ({}) in the database differs from this binary's; the "
                        "database was made by a different thidua build",
                        m.version, m.name),
            {}};
}

Result<> check_applied(SqlConnection& db, const Applied& applied) {
    if (!applied.empty() && applied.rbegin()->first > latest_schema_version())
        return tl::unexpected(newer_database(applied.rbegin()->first));
    for (const Migration& m : migrations()) {
        const auto found = applied.find(m.version);
        if (found != applied.end() &&
            found->second != migration_checksum(migration_sql(m, db.engine())))
            return tl::unexpected(edited_step(m));
    }
    return {};
}

Result<> apply_step(SqlConnection& db, const Migration& m) {
    const std::string sql = migration_sql(m, db.engine());
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return r;
    // Another SQLite process may have applied it while we waited for the write lock.
    const SqlValue version[] = {SqlValue::of(static_cast<int64_t>(m.version))};
    auto seen = query_int(db, "SELECT count(*) FROM schema_migrations WHERE version = $1", version);
    if (!seen) return tl::unexpected(seen.error());
    if (*seen > 0) return tx.commit();
    if (auto r = db.exec_script(sql); !r) return r;
    const std::string checksum = migration_checksum(sql), now = utc_now();
    const SqlValue row[] = {SqlValue::of(static_cast<int64_t>(m.version)), SqlValue::of(m.name),
                            SqlValue::of(checksum), SqlValue::of(now)};
    auto inserted = db.run(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, "
        "$4)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    return tx.commit();
}

Result<int> migrate_locked(SqlConnection& db) {
    if (auto r = db.exec_script(kCreateTable); !r) return tl::unexpected(r.error());
    auto applied = applied_steps(db);
    if (!applied) return tl::unexpected(applied.error());
    if (auto r = check_applied(db, *applied); !r) return tl::unexpected(r.error());
    for (const Migration& m : migrations()) {
        if (applied->count(m.version) != 0) continue;
        if (auto r = apply_step(db, m); !r) return tl::unexpected(r.error());
    }
    return latest_schema_version();
}

}  // namespace

Result<int> migrate(SqlConnection& db) {
    if (auto r = db.lock_migrations(); !r) return tl::unexpected(r.error());
    auto version = migrate_locked(db);
    db.unlock_migrations();
    return version;
}

}  // namespace thidua::store

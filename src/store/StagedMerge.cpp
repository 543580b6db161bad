#include "store/StagedMerge.h"

#include <fmt/format.h>

namespace thidua::store {
namespace {

std::string column_list(std::span<const StagedColumn> columns, std::string_view prefix = "") {
    std::string out;
    for (const StagedColumn& c : columns)
        out += fmt::format("{}{}{}", out.empty() ? "" : ", ", prefix, c.name);
    return out;
}

std::string join_condition(const MergeSpec& spec) {
    std::string out;
    for (const StagedColumn& c : spec.keys)
        out += fmt::format("{}t.{} = s.{}", out.empty() ? "" : " AND ", c.name, c.name);
    return out;
}

std::string selected(const std::vector<std::string_view>& columns) {
    std::string out;
    for (std::string_view c : columns)
        out += fmt::format("{}s.{}", out.empty() ? "" : ", ", c);
    return out;
}

// Rows whose values differ, from the staged rows: SQLite and PostgreSQL both take UPDATE … FROM.
std::string update_sql(const MergeSpec& spec) {
    std::string set;
    for (const StagedColumn& c : spec.values)
        set += fmt::format("{}{} = s.{}", set.empty() ? "" : ", ", c.name, c.name);
    std::string match;
    for (const StagedColumn& c : spec.keys)
        match += fmt::format(" AND {}.{} = s.{}", spec.table, c.name, c.name);
    return fmt::format("UPDATE {0} SET {1} FROM {2} s WHERE ({3}){4}", spec.table, set,
                       spec.stage_table(), any_distinct(spec.values, spec.table, "s"), match);
}

// New keys only. An anti-join rather than ON CONFLICT: PostgreSQL's speculative insertion costs
// twice a plain insert, and import_dataset() holds the import lock, so no other writer races it.
std::string insert_sql(const MergeSpec& spec) {
    const std::string columns = column_list(spec.keys) +
                                (spec.values.empty() ? "" : ", " + column_list(spec.values)) +
                                (spec.ordered ? ", ord" : "");
    return fmt::format(
        "INSERT INTO {0} ({1}) SELECT {2} FROM {3} s WHERE NOT EXISTS (SELECT 1 "
        "FROM {0} t WHERE {4})",
        spec.table, columns, selected(spec.stage_columns()), spec.stage_table(),
        join_condition(spec));
}

}  // namespace

std::string MergeSpec::stage_table() const {
    return fmt::format("stage_{}", table);
}

std::vector<std::string_view> MergeSpec::stage_columns() const {
    std::vector<std::string_view> out;
    for (const StagedColumn& c : keys)
        out.push_back(c.name);
    for (const StagedColumn& c : values)
        out.push_back(c.name);
    if (ordered) out.push_back("ord");
    return out;
}

std::string all_equal(std::span<const StagedColumn> columns, std::string_view left,
                      std::string_view right) {
    std::string out;
    for (const StagedColumn& c : columns)
        out += fmt::format("{}{}.{} IS NOT DISTINCT FROM {}.{}", out.empty() ? "" : " AND ", left,
                           c.name, right, c.name);
    return out;
}

std::string any_distinct(std::span<const StagedColumn> columns, std::string_view left,
                         std::string_view right) {
    std::string out;
    for (const StagedColumn& c : columns)
        out += fmt::format("{}{}.{} IS DISTINCT FROM {}.{}", out.empty() ? "" : " OR ", left,
                           c.name, right, c.name);
    return out;
}

Result<std::unique_ptr<StageWriter>> open_stage(SqlConnection& db, const MergeSpec& spec) {
    std::string columns;
    const auto add = [&](std::string_view name, SqlType type) {
        columns += fmt::format("{}{} {}", columns.empty() ? "" : ", ", name, db.type_name(type));
    };
    for (const StagedColumn& c : spec.keys)
        add(c.name, c.type);
    for (const StagedColumn& c : spec.values)
        add(c.name, c.type);
    if (spec.ordered) add("ord", SqlType::Integer);
    const std::string stage = spec.stage_table();
    if (auto r = drop_stage(db, stage); !r) return tl::unexpected(r.error());
    if (auto r = db.exec_script(fmt::format("CREATE TEMPORARY TABLE {} ({})", stage, columns)); !r)
        return tl::unexpected(r.error());
    const std::vector<std::string_view> names = spec.stage_columns();
    return db.stage(stage, names);
}

Result<int64_t> next_ord(SqlConnection& db, std::string_view table) {
    return query_int(db, fmt::format("SELECT coalesce(max(ord), -1) + 1 FROM {}", table));
}

Result<TableCounts> count_staged(SqlConnection& db, std::string_view table, std::string_view sql) {
    TableCounts counts;
    counts.table = std::string(table);
    int64_t total = 0;
    auto done = db.query(sql, {}, [&](const SqlRow& row) {
        total = row.integer(0);
        counts.inserted = row.integer(1);
        counts.unchanged = row.integer(2);
    });
    if (!done) return tl::unexpected(done.error());
    counts.updated = total - counts.inserted - counts.unchanged;
    return counts;
}

Result<TableCounts> merge_stage(SqlConnection& db, const MergeSpec& spec) {
    auto staged = query_int(db, fmt::format("SELECT count(*) FROM {}", spec.stage_table()));
    if (!staged) return tl::unexpected(staged.error());
    TableCounts counts;
    counts.table = std::string(spec.table);
    // New rows first: an existing unit may move under a parent that this same import adds, and
    // the update must find that parent in place. Rows just inserted equal their staged values,
    // so the update does not count them again.
    auto inserted = db.run(insert_sql(spec));
    if (!inserted) return tl::unexpected(inserted.error());
    counts.inserted = *inserted;
    if (!spec.values.empty()) {
        auto updated = db.run(update_sql(spec));
        if (!updated) return tl::unexpected(updated.error());
        counts.updated = *updated;
    }
    counts.unchanged = *staged - counts.inserted - counts.updated;
    return counts;
}

Result<> drop_stage(SqlConnection& db, std::string_view stage) {
    // Both engines keep temporary tables apart from the schema; dropping is part of the
    // transaction, so a rolled-back import leaves nothing behind either.
    // Qualified, so that a permanent table of that name is never touched.
    const std::string_view schema = db.engine() == "postgresql" ? "pg_temp" : "temp";
    return db.exec_script(fmt::format("DROP TABLE IF EXISTS {}.{}", schema, stage));
}

}  // namespace thidua::store

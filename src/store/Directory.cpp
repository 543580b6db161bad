#include "store/Directory.h"

#include <fmt/format.h>

#include "store/NameIndex.h"

namespace thidua::store {
namespace {

std::string text_or_empty(const SqlRow& r, int column) {
    return r.is_null(column) ? std::string() : std::string(r.text(column));
}

std::optional<double> real_or_none(const SqlRow& r, int column) {
    if (r.is_null(column)) return std::nullopt;
    return r.real(column);
}

// "$first, $first+1, …" for an IN list of `count` parameters.
std::string placeholders(size_t first, size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i)
        out += fmt::format("{}${}", i == 0 ? "" : ", ", first + i);
    return out;
}

}  // namespace

Result<std::vector<UnitRecord>> list_units(SqlConnection& db) {
    std::vector<UnitRecord> out;
    auto done = db.query(
        "SELECT id, name, type, parent_id, tags, active_from, active_to FROM units ORDER BY "
        "name_sort, id",
        {}, [&](const SqlRow& r) {
            out.push_back({std::string(r.text(0)), std::string(r.text(1)), std::string(r.text(2)),
                           text_or_empty(r, 3), text_or_empty(r, 4), text_or_empty(r, 5),
                           text_or_empty(r, 6)});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::vector<PersonRecord>> list_people(SqlConnection& db, const PeopleQuery& query) {
    const std::string pattern = like_pattern(query.search);
    std::vector<SqlValue> params{
        SqlValue::of(pattern),
        SqlValue::of(static_cast<int64_t>(query.limit > 0 ? query.limit : -1))};
    std::string unit_filter;
    if (!query.unit_ids.empty()) {
        unit_filter = fmt::format(" AND unit_id IN ({})", placeholders(3, query.unit_ids.size()));
        for (const std::string& id : query.unit_ids)
            params.push_back(SqlValue::of(id));
    }
    if (!query.id.empty()) {
        params.push_back(SqlValue::of(query.id));
        unit_filter += fmt::format(" AND id = ${}", params.size());
    }
    const std::string limit = db.engine() == "postgresql" ? "NULLIF($2, -1)" : "$2";
    const std::string sql = fmt::format(
        "SELECT id, name, unit_id, gender, par_role FROM people WHERE name_fold LIKE $1 ESCAPE "
        "'\\'{} ORDER BY name_sort, id LIMIT {}",
        unit_filter, limit);
    std::vector<PersonRecord> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        PersonRecord p{std::string(r.text(0)), std::string(r.text(1)), text_or_empty(r, 2),
                       text_or_empty(r, 3), std::nullopt};
        if (!r.is_null(4)) p.par_role = r.integer(4);
        out.push_back(std::move(p));
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::vector<UnitYearRecord>> list_unit_years(SqlConnection& db, const UnitYearQuery& query) {
    std::vector<SqlValue> params;
    std::string where = "WHERE true";
    if (query.year) {
        params.push_back(SqlValue::of(static_cast<int64_t>(*query.year)));
        where += " AND year = $1";
    }
    if (!query.unit_type.empty()) {
        params.push_back(SqlValue::of(query.unit_type));
        where +=
            fmt::format(" AND unit_id IN (SELECT id FROM units WHERE type = ${})", params.size());
    }
    if (!query.unit_ids.empty()) {
        where += fmt::format(" AND unit_id IN ({})",
                             placeholders(params.size() + 1, query.unit_ids.size()));
        for (const std::string& id : query.unit_ids)
            params.push_back(SqlValue::of(id));
    }
    std::vector<UnitYearRecord> out;
    auto done = db.query(
        fmt::format("SELECT unit_id, year, par_score, par_max, satisfaction, task_completion, "
                    "par_rating FROM unit_years {} ORDER BY unit_id, year",
                    where),
        params, [&](const SqlRow& r) {
            out.push_back({std::string(r.text(0)), static_cast<int>(r.integer(1)),
                           real_or_none(r, 2), real_or_none(r, 3), real_or_none(r, 4),
                           real_or_none(r, 5), text_or_empty(r, 6)});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

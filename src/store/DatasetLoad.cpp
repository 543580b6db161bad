#include "store/DatasetLoad.h"

#include <fmt/format.h>

#include <cmath>

#include "store/LoadState.h"

namespace thidua::store {
namespace {

Result<> load_units(SqlConnection& db, LoadState& s) {
    std::vector<std::string> parents;
    auto done = db.query(
        "SELECT id, name, type, parent_id, tags, active_from, active_to FROM units ORDER BY ord",
        {}, [&](const SqlRow& r) {
            Unit u;
            u.id = r.text(0);
            u.name = r.text(1);
            u.type = parse_unit_type(r.text(2)).value_or(UnitType::Other);
            parents.emplace_back(r.text(3));
            u.tags = s.tags(r.text(4));
            u.active_from = r.is_null(5) ? std::nullopt : Date::parse_iso(r.text(5));
            u.active_to = r.is_null(6) ? std::nullopt : Date::parse_iso(r.text(6));
            s.data.unit_by_id.emplace(u.id, static_cast<Index>(s.data.units.size()));
            s.data.units.push_back(std::move(u));
        });
    if (!done) return done;
    for (size_t i = 0; i < parents.size(); ++i) {
        if (parents[i].empty()) continue;
        s.data.units[i].parent = s.unit(parents[i]);
        if (s.data.units[i].parent == kNoIndex)
            return tl::unexpected(inconsistent_store(parents[i]));
    }
    return {};
}

Result<> load_successions(SqlConnection& db, LoadState& s) {
    bool ok = true;
    auto done = db.query(
        "SELECT unit_id, predecessor_id, weight, main FROM unit_successions ORDER BY "
        "unit_id, pos",
        {}, [&](const SqlRow& r) {
            const Index unit = s.unit(r.text(0)), pred = s.unit(r.text(1));
            ok = ok && unit != kNoIndex && pred != kNoIndex;
            if (unit == kNoIndex || pred == kNoIndex) return;
            Unit& u = s.data.units[static_cast<size_t>(unit)];
            u.add_predecessor(pred, r.is_null(2) ? NAN : r.real(2));
            if (r.integer(3) != 0) u.main_predecessor = pred;
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("unit_successions"));
    return done;
}

Result<> load_people(SqlConnection& db, LoadState& s) {
    People& p = s.data.people;
    bool ok = true;
    auto done = db.query(
        "SELECT id, name, unit_id, gender, par_role, resident, component, tags FROM people "
        "ORDER BY ord",
        {}, [&](const SqlRow& r) {
            p.id.emplace_back(r.text(0));
            s.data.person_index.insert(p.id, static_cast<Index>(p.id.size() - 1));
            p.name.emplace_back(r.text(1));
            p.unit.push_back(s.unit(r.text(2)));
            ok = ok && p.unit.back() != kNoIndex;
            p.gender.push_back(r.is_null(3)        ? Gender::Unknown
                               : r.text(3) == "nu" ? Gender::Female
                                                   : Gender::Male);
            p.par_role.push_back(LoadState::flag(r, 4));
            p.resident.push_back(LoadState::flag(r, 5));
            p.component.push_back(r.is_null(6) ? kNoIndex : s.component(r.text(6)));
            p.tags.push_back(s.tags(r.text(7)));
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("people.unit_id"));
    return done;
}

Result<> load_component_years(SqlConnection& db, LoadState& s) {
    bool ok = true;
    auto done = db.query(
        "SELECT component_id, year, unit_id, score, max_score FROM component_years ORDER BY ord",
        {}, [&](const SqlRow& r) {
            ComponentYear c;
            c.component = s.component(r.text(0));
            c.year = static_cast<int>(r.integer(1));
            c.unit = s.unit(r.text(2));
            ok = ok && c.unit != kNoIndex;
            c.score = LoadState::number(r, 3);
            c.max = LoadState::number(r, 4);
            s.data.component_years.push_back(c);
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("component_years.unit_id"));
    return done;
}

// The span of years, as the CSV reader computes it: every yearly table and the events.
Result<> load_year_span(SqlConnection& db, LoadState& s) {
    int64_t first = 0, last = -1;
    bool any = false;
    auto done = db.query(
        "SELECT min(y), max(y) FROM (SELECT min(year) AS y FROM unit_years UNION ALL SELECT "
        "max(year) FROM unit_years UNION ALL SELECT min(year) FROM person_years UNION ALL "
        "SELECT max(year) FROM person_years UNION ALL SELECT min(year) FROM component_years "
        "UNION ALL SELECT max(year) FROM component_years UNION ALL SELECT min(year) FROM events "
        "UNION ALL SELECT max(year) FROM events UNION ALL SELECT min(year) FROM attestations "
        "UNION ALL SELECT max(year) FROM attestations UNION ALL SELECT min(year) FROM par_tasks "
        "UNION ALL SELECT max(year) FROM par_tasks UNION ALL SELECT min(year) FROM "
        "task_completion_overrides UNION ALL SELECT max(year) FROM task_completion_overrides) "
        "spans",
        {}, [&](const SqlRow& r) {
            any = !r.is_null(0);
            if (any) first = r.integer(0), last = r.integer(1);
        });
    if (!done) return done;
    s.data.first_year = any ? static_cast<int>(first) : 0;
    s.data.year_count = any ? static_cast<int>(last - first + 1) : 0;
    s.allocate_years();
    return {};
}

}  // namespace

Result<Dataset> load_rows(SqlConnection& db, const std::optional<std::string>& plan_id) {
    LoadState s;
    s.plan_id = plan_id;
    using Step = Result<> (*)(SqlConnection&, LoadState&);
    static constexpr Step kSteps[] = {
        load_units,      load_successions,  load_people,       load_component_years, load_year_span,
        load_unit_years, load_person_years, load_attestations, load_task_completion, load_records,
    };
    for (Step step : kSteps) {
        if (auto r = step(db, s); !r) return tl::unexpected(r.error());
    }
    return std::move(s.data);
}

Result<Dataset> load_lineage_rows(SqlConnection& db) {
    LoadState s;
    if (auto r = load_units(db, s); !r) return tl::unexpected(r.error());
    if (auto r = load_successions(db, s); !r) return tl::unexpected(r.error());
    return std::move(s.data);
}

}  // namespace thidua::store

// GET /api/v1/units?q=&limit=, GET /api/v1/units/tree, GET /api/v1/units/{id}: units in
// Vietnamese order, searched without diacritics; a don-vi user sees their own subtree only. A
// unit's detail carries its lineage (predecessors and successors, a few levels both ways); the
// related units outside a don-vi user's scope are named but not readable.

#include <map>

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/LineageViews.h"
#include "web/app/UnitScope.h"
#include "web/app/YearlyResults.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response list_units(Request& request, const Principal& who, Store& store) {
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitScope scope = UnitScope::of(who, *units);
    const UnitNames names = unit_names(*units);
    const int limit = limit_param(request, 1000, 100000);
    const std::string q = request.query_param("q").value_or("");
    json out = json::array();
    if (q.empty()) {
        for (const UnitRecord& u : *units) {
            if (static_cast<int>(out.size()) >= limit) break;
            if (scope.contains(u.id)) out.push_back(unit_json(u, names));
        }
        return Response::json(200, out);
    }
    // The store matches the folded name; the units list gives each match its details.
    auto matches = store.list_names({NameKind::Unit, q, 0});
    if (!matches) return store_failure(matches.error());
    std::unordered_map<std::string_view, const UnitRecord*> by_id;
    for (const UnitRecord& u : *units)
        by_id.emplace(u.id, &u);
    for (const NameEntry& m : *matches) {
        if (static_cast<int>(out.size()) >= limit) break;
        auto it = by_id.find(m.id);
        if (it != by_id.end() && scope.contains(m.id)) out.push_back(unit_json(*it->second, names));
    }
    return Response::json(200, out);
}

json subtree(const UnitRecord& unit, const UnitNames& names,
             const std::multimap<std::string_view, const UnitRecord*>& children, int depth) {
    json node = unit_json(unit, names);
    json kids = json::array();
    // Depth bound: a parent cycle in bad data cannot recurse forever.
    if (depth < 64) {
        auto [from, to] = children.equal_range(unit.id);
        for (auto it = from; it != to; ++it)
            kids.push_back(subtree(*it->second, names, children, depth + 1));
    }
    node["children"] = std::move(kids);
    return node;
}

Response unit_tree(Request&, const Principal& who, Store& store) {
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitNames names = unit_names(*units);
    // Units come in Vietnamese order, so each unit's children do too.
    std::multimap<std::string_view, const UnitRecord*> children;
    for (const UnitRecord& u : *units)
        if (!u.parent_id.empty() && names.contains(u.parent_id)) children.emplace(u.parent_id, &u);
    json roots = json::array();
    for (const UnitRecord& u : *units) {
        const bool root = sees_all_units(who)
                              ? (u.parent_id.empty() || !names.contains(u.parent_id))
                              : u.id == who.user.unit_id;
        if (root) roots.push_back(subtree(u, names, children, 0));
    }
    return Response::json(200, roots);
}

Response unit_detail(Request& request, const Principal& who, Store& store) {
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const std::string id = request.param("id");
    const UnitScope scope = UnitScope::of(who, *units);
    const UnitRecord* unit = nullptr;
    for (const UnitRecord& u : *units)
        if (u.id == id) unit = &u;
    // Another unit's page is "not found" to a don-vi user: its existence is not theirs to know.
    if (unit == nullptr || !scope.contains(id))
        return Response::error(404, "not_found", "Không có đơn vị này");
    const UnitNames names = unit_names(*units);
    json out = unit_json(*unit, names);
    json children = json::array();
    for (const UnitRecord& u : *units)
        if (u.parent_id == id) children.push_back(unit_json(u, names));
    out["children"] = std::move(children);
    auto lineage = store.load_unit_lineage();
    if (!lineage) return store_failure(lineage.error());
    out["lineage"] = unit_lineage_json(*lineage, id, scope);
    auto results = unit_results_json(store, *unit);
    if (!results) return store_failure(results.error());
    out["years"] = std::move(results->years);
    out["group_years"] = std::move(results->group_years);
    PeopleQuery query;
    query.unit_ids = {id};
    query.limit = 500;
    auto people = store.list_people(query);
    if (!people) return store_failure(people.error());
    json list = json::array();
    for (const PersonRecord& p : *people)
        list.push_back(person_json(p, names));
    out["people"] = std::move(list);
    return Response::json(200, out);
}

}  // namespace

void add_unit_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/units", secured(app, Access::SignedIn, list_units));
    router.add("GET", "/api/v1/units/tree", secured(app, Access::SignedIn, unit_tree));
    router.add("GET", "/api/v1/units/{id}", secured(app, Access::SignedIn, unit_detail));
}

}  // namespace thidua::web

// GET /api/v1/people?q=&unit=&limit=: people in Vietnamese order, searched without diacritics;
// a don-vi user sees the people of their own subtree only.

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response list_people(Request& request, const Principal& who, Store& store) {
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitScope scope = UnitScope::of(who, *units);
    PeopleQuery query;
    query.search = request.query_param("q").value_or("");
    query.limit = limit_param(request, 200, 5000);
    if (const auto unit = request.query_param("unit"); unit && !unit->empty()) {
        if (!scope.contains(*unit)) return Response::json(200, json::array());
        query.unit_ids = {*unit};
    } else if (!scope.all()) {
        query.unit_ids = scope.ids();
        if (query.unit_ids.empty()) return Response::json(200, json::array());
    }
    auto people = store.list_people(query);
    if (!people) return store_failure(people.error());
    const UnitNames names = unit_names(*units);
    json out = json::array();
    for (const PersonRecord& p : *people)
        out.push_back(person_json(p, names));
    return Response::json(200, out);
}

}  // namespace

void add_people_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/people", secured(app, Access::SignedIn, list_people));
}

}  // namespace thidua::web

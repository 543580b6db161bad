// GET /api/v1/results?year=Y&type=T: every unit of a type in one year with its index rate,
// for the spread of a group. A don-vi user gets their own units only.

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/UnitScope.h"
#include "web/app/YearlyResults.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response group_results(Request& request, const Principal& who, Store& store) {
    const auto year = parse_integer(request.query_param("year").value_or(""));
    if (!year || *year < 1900 || *year > 2200)
        return Response::error(400, "bad_request", "Cần năm: ?year=2024");
    const std::string type = request.query_param("type").value_or("");
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitScope scope = UnitScope::of(who, *units);
    auto rows = store.list_unit_years({{}, static_cast<int>(*year), type});
    if (!rows) return store_failure(rows.error());
    const UnitNames names = unit_names(*units);
    json list = json::array();
    for (const UnitYearRecord& y : *rows) {
        if (!scope.contains(y.unit_id)) continue;
        auto name = names.find(y.unit_id);
        list.push_back({{"id", y.unit_id},
                        {"name", name == names.end() ? y.unit_id : name->second},
                        {"index_rate", optional_number(index_rate(y))},
                        {"satisfaction", optional_number(y.satisfaction)},
                        {"rating", y.par_rating.empty() ? json(nullptr) : json(y.par_rating)}});
    }
    return Response::json(200, {{"year", *year}, {"type", type}, {"units", list}});
}

}  // namespace

void add_results_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/results", secured(app, Access::SignedIn, group_results));
}

}  // namespace thidua::web

// GET /api/v1/plans/{id}/registrations?period=P: the registration board of a period as JSON
// (who competes, registered on time, late or not at all, against the plan's deadline). A don-vi
// user sees their own units and people only.

#include "eval/RegistrationBoard.h"
#include "present/Explain.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json counts_json(const StatusCounts& c) {
    json out = json::object();
    for (size_t i = 0; i < kRegistrationStatusCount; ++i)
        out[registration_status_id(static_cast<RegistrationStatus>(i))] = c.by_status[i];
    out["total"] = c.total();
    return out;
}

json row_json(const RegistrationRow& row, const Dataset& data) {
    json groups = json::array();
    for (const GroupSpec* g : row.groups)
        groups.push_back(g->id);
    return {{"id", subject_id(data, row.subject)},
            {"kind", row.subject.kind == SubjectKind::Unit ? "unit" : "person"},
            {"name", subject_name(data, row.subject)},
            {"unit", row.unit == kNoIndex ? json(nullptr) : json(data.units[row.unit].id)},
            {"unit_name", row.unit == kNoIndex ? json(nullptr) : json(data.units[row.unit].name)},
            {"groups", groups},
            {"registered_on", row.registered_on ? json(row.registered_on->iso()) : json(nullptr)},
            {"status", registration_status_id(row.status)}};
}

Response board(WebApp& app, Request& request, const Principal& who, Store& store) {
    const auto period = request.query_param("period");
    if (!period || period->empty())
        return Response::error(400, "bad_request", "Cần chọn kỳ xét: ?period=2021-2025");
    auto evaluation = evaluate_stored_plan(app, store, request.param("id"), *period);
    if (!evaluation) return std::move(evaluation.error());
    if (!sees_all_units(who)) {
        auto units = store.list_units();
        if (!units) return store_failure(units.error());
        restrict_evaluation(evaluation->result, UnitScope::of(who, *units));
    }
    const RegistrationBoard b = registration_board(evaluation->result);
    json rows = json::array();
    for (const RegistrationRow& row : b.rows)
        rows.push_back(row_json(row, *evaluation->data));
    json groups = json::array();
    for (const GroupCounts& g : b.groups)
        groups.push_back({{"group", g.group ? json(g.group->id) : json(nullptr)},
                          {"name", g.group ? g.group->name : std::string("Cá nhân")},
                          {"counts", counts_json(g.counts)}});
    return Response::json(200, {{"plan", evaluation->plan.plan->spec.id},
                                {"period", *period},
                                {"plan_has_registration", b.plan_has_registration},
                                {"data_has_registrations", b.data_has_registrations},
                                {"deadline", b.deadline ? json(b.deadline->iso()) : json(nullptr)},
                                {"totals", counts_json(b.totals)},
                                {"groups", groups},
                                {"rows", rows}});
}

}  // namespace

void add_registration_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/plans/{id}/registrations",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return board(app, r, p, s);
               }));
}

}  // namespace thidua::web

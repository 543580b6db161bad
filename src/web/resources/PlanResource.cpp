// GET /api/v1/plans, GET|PUT /api/v1/plans/{id}, GET …/versions, GET …/diff.

#include <fmt/format.h>

#include "base/Text.h"
#include "io/plan/PlanLoader.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/LineDiff.h"
#include "web/app/PlanViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

constexpr std::size_t kPlanFileLimit = 1 << 20;

std::optional<int> int_param(const Request& request, std::string_view name) {
    const auto value = parse_integer(request.query_param(name).value_or(""));
    if (!value || *value < 0 || *value > 1'000'000) return std::nullopt;
    return static_cast<int>(*value);
}

Response list_plans(WebApp& app, Store& store) {
    auto plans = store.latest_plans();
    if (!plans) return store_failure(plans.error());
    auto units = store.load_unit_lineage();
    if (!units) return store_failure(units.error());
    json out = json::array();
    for (const PlanVersion& v : *plans) {
        auto compiled = app.plans().get(v);
        if (!compiled) continue;  // a stored version that no longer compiles is not listed
        out.push_back(plan_summary_json(v, **compiled, today(), &*units));
    }
    return Response::json(200, out);
}

Response get_plan(WebApp& app, Request& request, Store& store) {
    std::optional<int> version;
    if (request.query_param("version")) {
        version = int_param(request, "version");
        if (!version) return Response::error(400, "bad_request", "Phiên bản phải là một số");
    }
    auto plan = find_stored_plan(app, store, request.param("id"), version);
    if (!plan) return std::move(plan.error());
    auto units = store.load_unit_lineage();
    if (!units) return store_failure(units.error());
    return Response::json(200, plan_detail_json(plan->version, *plan->plan, today(), &*units));
}

json diagnostics_json(const Diagnostics& problems) {
    json out = json::array();
    for (const Diagnostic& d : problems)
        out.push_back(diagnostic_json(d));
    return out;
}

Response put_plan(Request& request, const Principal& who, Store& store) {
    const std::string id = request.param("id");
    if (!is_valid_utf8(request.body))
        return Response::error(400, "invalid_plan", "Tệp kế hoạch phải là văn bản UTF-8");
    const std::string text = to_nfc(request.body);
    auto compiled = load_plan_text(text, id + ".yaml");
    if (!compiled)
        return Response::error(400, "invalid_plan", "Tệp kế hoạch có lỗi",
                               {{"details", diagnostics_json(compiled.error())}});
    if ((*compiled)->spec.id != id)
        return Response::error(
            400, "invalid_plan",
            fmt::format("Mã kế hoạch trong tệp ('{}') khác mã trong địa chỉ ('{}')",
                        (*compiled)->spec.id, id));
    auto saved = store.save_plan(id, text, who.user.username);
    if (!saved) return store_failure(saved.error());
    return Response::json(
        200,
        {{"plan_id", saved->plan_id}, {"version", saved->version}, {"created", saved->created}});
}

Response list_versions(WebApp& app, Request& request, Store& store) {
    auto plan = find_stored_plan(app, store, request.param("id"));
    if (!plan) return std::move(plan.error());
    auto versions = store.plan_versions(request.param("id"));
    if (!versions) return store_failure(versions.error());
    json out = json::array();
    for (const PlanVersion& v : *versions)
        out.push_back({{"version", v.version}, {"saved_by", v.saved_by}, {"saved_at", v.saved_at}});
    return Response::json(200, out);
}

Response diff_versions(Request& request, Store& store) {
    const auto from = int_param(request, "from");
    const auto to = int_param(request, "to");
    if (!from || !to) return Response::error(400, "bad_request", "Cần hai phiên bản: ?from=N&to=M");
    const std::string id = request.param("id");
    auto a = store.find_plan(id, *from);
    auto b = store.find_plan(id, *to);
    if (!a) return store_failure(a.error());
    if (!b) return store_failure(b.error());
    if (!*a || !*b) return Response::error(404, "not_found", "Không có phiên bản này");
    json lines = json::array();
    for (const DiffLine& line : diff_lines((*a)->text, (*b)->text))
        lines.push_back({{"op", std::string(1, line.op)}, {"text", line.text}});
    return Response::json(200, {{"from", *from}, {"to", *to}, {"lines", lines}});
}

}  // namespace

void add_plan_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/plans",
               secured(app, Access::SignedIn, [&app](Request&, const Principal&, Store& s) {
                   return list_plans(app, s);
               }));
    router.add("GET", "/api/v1/plans/{id}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal&, Store& s) {
                   return get_plan(app, r, s);
               }));
    router.add("PUT", "/api/v1/plans/{id}", secured(app, Access::Edit, put_plan), kPlanFileLimit);
    router.add("GET", "/api/v1/plans/{id}/versions",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal&, Store& s) {
                   return list_versions(app, r, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/diff",
               secured(app, Access::SignedIn,
                       [](Request& r, const Principal&, Store& s) { return diff_versions(r, s); }));
}

}  // namespace thidua::web

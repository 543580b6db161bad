// GET /api/v1/plans/{id}/evaluation?period=P (the `thidua evaluate --format json` document) and
// GET /api/v1/plans/{id}/evaluation.xlsx?period=P. A don-vi user gets only their units' rows.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "present/EvaluationXlsx.h"
#include "present/JsonReport.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/TempDir.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

namespace fs = std::filesystem;

tl::expected<StoredEvaluation, Response> scoped_evaluation(WebApp& app, Request& request,
                                                           const Principal& who, Store& store) {
    const auto period = request.query_param("period");
    if (!period || period->empty())
        return tl::unexpected(Response::error(
            400, "bad_request", "Cần chọn kỳ xét: ?period=2021-2025 hoặc ?period=2023"));
    auto evaluation = evaluate_stored_plan(app, store, request.param("id"), *period);
    if (!evaluation) return evaluation;
    if (!sees_all_units(who)) {
        auto units = store.list_units();
        if (!units) return tl::unexpected(store_failure(units.error()));
        restrict_evaluation(evaluation->result, UnitScope::of(who, *units));
    }
    return evaluation;
}

Response evaluation_json(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto evaluation = scoped_evaluation(app, request, who, store);
    if (!evaluation) return std::move(evaluation.error());
    std::ostringstream out;
    write_json(evaluation->result, out);
    return Response::text(200, std::move(out).str(), "application/json; charset=utf-8");
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Response evaluation_xlsx(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto evaluation = scoped_evaluation(app, request, who, store);
    if (!evaluation) return std::move(evaluation.error());
    // libxlsxwriter writes files only: one in a private directory, read back and removed.
    TempDir dir;
    if (dir.path().empty())
        return Response::error(500, "internal", "Không tạo được tệp tạm trên máy chủ");
    const fs::path file = dir.path() / "danh-gia.xlsx";
    auto written = write_evaluation_xlsx(evaluation->result, file);
    if (!written)
        return Response::error(500, "internal", "Không tạo được sổ tính: " + written.error());
    std::string bytes = read_file(file);
    const auto& r = evaluation->result;
    Response response = Response::text(
        200, std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.set_header("Content-Disposition", "attachment; filename=\"danh-gia-" +
                                                   r.plan->spec.id + "-" + r.period.id + ".xlsx\"");
    return response;
}

}  // namespace

void add_evaluation_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/plans/{id}/evaluation",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return evaluation_json(app, r, p, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/evaluation.xlsx",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return evaluation_xlsx(app, r, p, s);
               }));
}

}  // namespace thidua::web

// GET /api/v1/plans/{id}/evaluation?period=P[&history=own|main|all|weighted] (the `thidua evaluate
// --format json` document) and GET /api/v1/plans/{id}/evaluation.xlsx?period=P. A don-vi user gets
// only their units' rows.

#include <sstream>

#include "output/DocumentMaker.h"
#include "present/JsonReport.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

tl::expected<StoredEvaluation, Response> scoped_evaluation(WebApp& app, Request& request,
                                                           const Principal& who, Store& store) {
    auto history = history_param(request);
    if (!history) return tl::unexpected(std::move(history.error()));
    return evaluate_for(app, store, who, request.param("id"),
                        request.query_param("period").value_or(""), *history);
}

Response evaluation_json(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto evaluation = scoped_evaluation(app, request, who, store);
    if (!evaluation) return std::move(evaluation.error());
    std::ostringstream out;
    write_json(evaluation->result, out);
    return Response::text(200, std::move(out).str(), "application/json; charset=utf-8");
}

Response evaluation_xlsx(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto evaluation = scoped_evaluation(app, request, who, store);
    if (!evaluation) return std::move(evaluation.error());
    output::DocumentRequest q;
    q.kind = output::find_output_kind("danh-gia");
    q.result = &evaluation->result;
    q.format = output::FileFormat::Xlsx;
    auto file = output::make_document(q);
    if (!file)
        return Response::error(500, "internal",
                               "Không tạo được sổ tính: " + file.error().front().message);
    Response response = Response::text(200, std::move(file->bytes), file->content_type);
    response.set_header("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
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

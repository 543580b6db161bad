// GET /api/v1/plans/{id}/evaluation?period=P[&history=own|main|all|weighted] (the `thidua evaluate
// --format json` document, one page of candidates per group: CandidatePage),
// GET /api/v1/plans/{id}/evaluation/candidates/{cid}?period=P (one candidate's every entry) and
// GET /api/v1/plans/{id}/evaluation.xlsx?period=P. A don-vi user gets only their units' rows. The
// JSON is written once per data generation, caller's scope and page (EvaluationCache): a request
// then costs the authentication and one query, and the cached bytes are sent as they are
// (Response::shared_body). It carries an ETag (If-None-Match → 304) and X-Thidua-Cache: hit
// (written before) or miss, and is gzip-compressed (once, kept too) for a client whose
// Accept-Encoding takes it.

#include "output/DocumentMaker.h"
#include "present/JsonReport.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/http/EntityTag.h"
#include "web/http/Gzip.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response evaluation_json(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto history = history_param(request);
    if (!history) return std::move(history.error());
    auto page = candidate_page_param(request);
    if (!page) return std::move(page.error());
    const bool gzipped = accepts_gzip(request.header("accept-encoding"));
    auto found =
        evaluation_body(app, store, who, request.param("id"),
                        request.query_param("period").value_or(""), *history, *page, gzipped);
    if (!found) return std::move(found.error());
    const JsonBody& body = *found->body;
    // Private: the body is what this caller may see. no-cache: a browser asks again each time,
    // with If-None-Match, and gets 304 until the data generation moves.
    Response response;
    response.set_header("ETag", body.etag);
    response.set_header("Cache-Control", "private, no-cache");
    response.set_header("Vary", "Accept-Encoding");
    response.set_header("X-Thidua-Cache", found->kept ? "hit" : "miss");
    if (const auto sent = request.header("if-none-match"); sent && etag_matches(*sent, body.etag)) {
        response.status = 304;
        return response;
    }
    response.status = 200;
    response.set_header("Content-Type", "application/json; charset=utf-8");
    if (gzipped) response.set_header("Content-Encoding", "gzip");
    // The cache's bytes themselves, kept alive by the response while it is sent.
    response.shared_body = std::shared_ptr<const std::string>(found->body, &body.bytes);
    return response;
}

// Small (one candidate's entries), so written for each request from the kept evaluation.
Response evaluation_candidate(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto history = history_param(request);
    if (!history) return std::move(history.error());
    const std::string period = request.query_param("period").value_or("");
    auto evaluation = evaluate_for(app, store, who, request.param("id"), period, *history);
    if (!evaluation) return std::move(evaluation.error());
    const std::string id = request.param("cid");
    // A don-vi user's view holds only their scope: anyone else's id is "no such candidate".
    const nlohmann::ordered_json doc = candidate_entries_json((*evaluation)->result, id);
    if (doc.is_null())
        return Response::error(404, "not_found",
                               "'" + id + "' không phải ứng viên của kỳ " + period +
                                   " (hoặc nằm ngoài phạm vi được xem)");
    Response response = Response::text(
        200, doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
        "application/json; charset=utf-8");
    response.set_header("Cache-Control", "private, no-cache");
    return response;
}

Response evaluation_xlsx(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto history = history_param(request);
    if (!history) return std::move(history.error());
    auto evaluation = evaluate_for(app, store, who, request.param("id"),
                                   request.query_param("period").value_or(""), *history);
    if (!evaluation) return std::move(evaluation.error());
    output::DocumentRequest q;
    q.kind = output::find_output_kind("danh-gia");
    q.result = &(*evaluation)->result;
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
    router.add("GET", "/api/v1/plans/{id}/evaluation/candidates/{cid}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return evaluation_candidate(app, r, p, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/evaluation.xlsx",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return evaluation_xlsx(app, r, p, s);
               }));
}

}  // namespace thidua::web

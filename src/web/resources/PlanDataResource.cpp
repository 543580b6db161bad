// POST /api/v1/plans/{id}/data and POST /api/v1/data: a workbook (.xlsx) or a .zip of the CSV
// files of DATA.md, as the raw body or the multipart field `file`. POST /api/v1/lineage: a
// lineage table (lineage.csv) alone, merged into the stored units. All or nothing: any error
// answers 400 with every problem (capped) and stores nothing.

#include <fmt/format.h>

#include "base/Text.h"
#include "io/dataset/DatasetReader.h"
#include "web/app/DatasetUpload.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/http/Multipart.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

constexpr std::size_t kShownProblems = 500;

// A data problem as the import page shows it: file or sheet, row, column, value, message.
json problem_json(const Diagnostic& d) {
    return {{"file", d.file},
            {"row", d.line > 0 ? json(d.line) : json(nullptr)},
            {"column", d.field.empty() ? json(nullptr) : json(d.field)},
            {"value", d.value},
            {"message", d.message},
            {"message_en", d.message_en},
            {"text", d.format()}};
}

json problems_json(const Diagnostics& problems) {
    json out = json::array();
    for (size_t i = 0; i < problems.size() && i < kShownProblems; ++i)
        out.push_back(problem_json(problems[i]));
    return out;
}

json counts_json(const ImportReport& report) {
    json out = json::array();
    for (const TableCounts& t : report.tables)
        out.push_back({{"table", t.table},
                       {"inserted", t.inserted},
                       {"updated", t.updated},
                       {"unchanged", t.unchanged},
                       {"removed", t.removed}});
    return out;
}

Response invalid_data(const Diagnostics& problems) {
    return Response::error(
        400, "invalid_data",
        fmt::format("Dữ liệu có {} lỗi; chưa lưu gì vào cơ sở dữ liệu", problems.size()),
        {{"details", problems_json(problems)}, {"total", problems.size()}});
}

Response import_upload(const Request& request, const Principal& who, Store& store,
                       const std::string& plan_id) {
    auto upload = read_dataset_upload(request);
    if (!upload) return invalid_data(upload.error());
    ImportOptions options;
    options.user = who.user.username;
    options.source = upload->source;
    options.plan_id = plan_id;
    auto report = store.import_dataset(upload->data, options);
    if (!report) return store_failure(report.error());
    json warnings = json::array();
    for (const Diagnostic& w : upload->warnings)
        warnings.push_back(problem_json(w));
    return Response::json(200, {{"plan_id", plan_id.empty() ? json(nullptr) : json(plan_id)},
                                {"changed", report->changed()},
                                {"tables", counts_json(*report)},
                                {"warnings", warnings}});
}

// The CSV text of a lineage upload: the raw body, or the multipart field `file`.
tl::expected<std::string, Diagnostics> lineage_text(const Request& request) {
    const auto type = request.header("content-type").value_or("");
    std::string text = request.body;
    if (type.starts_with("multipart/form-data")) {
        auto parts = parse_multipart(type, request.body);
        text.clear();
        if (parts)
            for (const MultipartPart& part : *parts)
                if (part.name == "file") text = part.data;
    }
    if (text.empty() || !is_valid_utf8(text))
        return tl::unexpected(Diagnostics{Diagnostic::about_file(
            "lineage.csv", "Cần một tệp lineage.csv (UTF-8) trong trường 'file' hoặc thân yêu cầu",
            "a UTF-8 lineage.csv is needed in the 'file' field or the body")});
    return text;
}

Response import_lineage(const Request& request, const Principal& who, Store& store) {
    auto text = lineage_text(request);
    if (!text) return invalid_data(text.error());
    auto units = store.load_unit_lineage();
    if (!units) return store_failure(units.error());
    if (auto applied = apply_lineage_table(*units, *text); !applied)
        return invalid_data(applied.error());
    ImportOptions options;
    options.user = who.user.username;
    options.source = "lineage.csv";
    auto report = store.import_dataset(*units, options);
    if (!report) return store_failure(report.error());
    return Response::json(200, {{"plan_id", nullptr},
                                {"changed", report->changed()},
                                {"tables", counts_json(*report)},
                                {"warnings", json::array()}});
}

}  // namespace

void add_plan_data_routes(Router& router, WebApp& app) {
    const std::size_t limit = app.options().upload_limit;
    router.add("POST", "/api/v1/plans/{id}/data",
               secured(app, Access::Edit,
                       [&app](Request& r, const Principal& p, Store& s) {
                           auto plan = find_stored_plan(app, s, r.param("id"));
                           if (!plan) return std::move(plan.error());
                           return import_upload(r, p, s, r.param("id"));
                       }),
               limit);
    router.add(
        "POST", "/api/v1/lineage",
        secured(app, Access::Edit,
                [](Request& r, const Principal& p, Store& s) { return import_lineage(r, p, s); }),
        limit);
    router.add("POST", "/api/v1/data",
               secured(app, Access::Edit,
                       [](Request& r, const Principal& p, Store& s) {
                           return import_upload(r, p, s, "");
                       }),
               limit);
}

}  // namespace thidua::web

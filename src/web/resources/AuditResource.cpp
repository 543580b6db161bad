// GET /api/v1/audit?actor=&action=&subject=&from=&to=&before=&limit=: the append-only log,
// newest first, filtered in the store; GET /api/v1/audit.xlsx with the same filters. For
// administrators only.

#include "io/TempDir.h"
#include "present/AuditXlsx.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

tl::expected<AuditQuery, Response> audit_query(const Request& r, int default_limit, int max) {
    AuditQuery q;
    q.actor = r.query_param("actor").value_or("");
    q.action = r.query_param("action").value_or("");
    q.subject = r.query_param("subject").value_or("");
    q.from = r.query_param("from").value_or("");
    q.to = r.query_param("to").value_or("");
    for (const std::string* bound : {&q.from, &q.to}) {
        // ISO dates or times only: they are compared as text with the stored ISO times.
        const bool iso =
            bound->empty() || (bound->size() >= 10 && Date::parse_iso(bound->substr(0, 10)));
        if (!iso)
            return tl::unexpected(
                Response::error(400, "bad_request", "Ngày lọc phải có dạng YYYY-MM-DD"));
    }
    if (const auto before = r.query_param("before"); before && !before->empty()) {
        const auto id = parse_integer(*before);
        if (!id || *id <= 0)
            return tl::unexpected(Response::error(400, "bad_request", "before phải là một số"));
        q.before_id = *id;
    }
    q.limit = limit_param(r, default_limit, max);
    return q;
}

std::string filter_words(const AuditQuery& q) {
    std::string out;
    auto add = [&](const char* what, const std::string& value) {
        if (!value.empty()) out += (out.empty() ? "" : "; ") + std::string(what) + ": " + value;
    };
    add("người", q.actor);
    add("hành động", q.action);
    add("đối tượng", q.subject);
    add("từ", q.from);
    add("đến", q.to);
    return out;
}

Response audit(Request& request, const Principal&, Store& store) {
    auto q = audit_query(request, 200, 10'000);
    if (!q) return std::move(q.error());
    auto entries = store.find_audit(*q);
    if (!entries) return store_failure(entries.error());
    json out = json::array();
    for (const AuditEntry& e : *entries) {
        json detail = json::parse(e.detail, nullptr, false);
        out.push_back({{"id", e.id},
                       {"at", e.at},
                       {"actor", e.actor},
                       {"action", e.action},
                       {"subject", e.subject},
                       {"detail", detail.is_discarded() ? json(e.detail) : detail}});
    }
    return Response::json(200, out);
}

Response audit_xlsx(Request& request, const Principal&, Store& store) {
    auto q = audit_query(request, 100'000, 100'000);
    if (!q) return std::move(q.error());
    auto entries = store.find_audit(*q);
    if (!entries) return store_failure(entries.error());
    TempDir dir;
    if (dir.path().empty())
        return Response::error(500, "internal", "Không tạo được tệp tạm trên máy chủ");
    const auto file = dir.path() / "nhat-ky.xlsx";
    if (auto written = write_audit_xlsx(*entries, filter_words(*q), file); !written)
        return Response::error(500, "internal", "Không tạo được sổ tính: " + written.error());
    auto bytes = read_file_bytes(file);
    if (!bytes) return Response::error(500, "internal", "Không đọc lại được sổ tính vừa ghi");
    Response response =
        Response::text(200, std::move(*bytes),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.set_header("Content-Disposition", "attachment; filename=\"nhat-ky.xlsx\"");
    return response;
}

}  // namespace

void add_audit_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/audit", secured(app, Access::Admin, audit));
    router.add("GET", "/api/v1/audit.xlsx", secured(app, Access::Admin, audit_xlsx));
}

}  // namespace thidua::web

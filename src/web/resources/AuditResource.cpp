// GET /api/v1/audit?limit=: the append-only log, newest first, for administrators.

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response audit(Request& request, const Principal&, Store& store) {
    auto entries = store.audit_log();
    if (!entries) return store_failure(entries.error());
    const int limit = limit_param(request, 200, 10000);
    json out = json::array();
    for (auto it = entries->rbegin(); it != entries->rend() && static_cast<int>(out.size()) < limit;
         ++it) {
        json detail = json::parse(it->detail, nullptr, false);
        out.push_back({{"id", it->id},
                       {"at", it->at},
                       {"actor", it->actor},
                       {"action", it->action},
                       {"subject", it->subject},
                       {"detail", detail.is_discarded() ? json(it->detail) : detail}});
    }
    return Response::json(200, out);
}

}  // namespace

void add_audit_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/audit", secured(app, Access::Admin, audit));
}

}  // namespace thidua::web

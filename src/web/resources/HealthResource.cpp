// GET /healthz: 200 when the store answers a query, 503 otherwise; for load balancers.

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {

void add_health_routes(Router& router, WebApp& app) {
    router.add("GET", "/healthz", [&app](Request&) {
        auto lease = app.stores().acquire();
        if (!lease) return store_failure(lease.error());
        auto users = (*lease)->accounts().count_users();
        if (!users) {
            lease->discard();
            return store_failure(users.error());
        }
        return Response::json(200, {{"status", "ok"},
                                    {"engine", (*lease)->engine()},
                                    {"schema", (*lease)->schema_version()}});
    });
}

}  // namespace thidua::web

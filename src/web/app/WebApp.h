#pragma once
// What every resource shares: the store connections, the compiled-plan and evaluation caches and
// the server's settings. Built once by `thidua serve`; routes are registered by web/resources.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "base/Date.h"
#include "web/app/EvaluationCache.h"
#include "web/app/PlanCache.h"
#include "web/app/StorePool.h"
#include "web/http/Router.h"

namespace thidua::web {

struct WebOptions {
    std::string db_url = "sqlite:thidua.db";
    std::chrono::hours session_lifetime{12};
    // Behind a TLS-terminating proxy: trust X-Forwarded-Proto/For and mark cookies Secure.
    bool behind_tls_proxy = false;
    std::size_t upload_limit = 64u << 20;
    // One file of a dossier (a scanned PDF of a few dozen pages fits).
    std::size_t dossier_file_limit = 20u << 20;
    int login_failures_per_user = 5;
    int login_failures_per_address = 20;
    std::chrono::minutes login_window{15};
    // The day the calendar and the reminders take as today; none: today in Vietnam. Set for
    // tests and demonstrations (`serve --today`).
    std::optional<Date> today;
};

class WebApp {
public:
    explicit WebApp(WebOptions options)
        : m_options(std::move(options)), m_stores(m_options.db_url) {}

    const WebOptions& options() const { return m_options; }
    StorePool& stores() { return m_stores; }
    PlanCache& plans() { return m_plans; }
    EvaluationCache& evaluations() { return m_evaluations; }
    Date today() const;

private:
    WebOptions m_options;
    StorePool m_stores;
    PlanCache m_plans;
    EvaluationCache m_evaluations;
};

// Every route of the application: the API, the single-page UI and its assets.
Router make_router(WebApp& app);

}  // namespace thidua::web

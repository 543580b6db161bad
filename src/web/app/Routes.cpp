#include "web/app/WebApp.h"
#include "web/resources/Resources.h"

namespace thidua::web {

Router make_router(WebApp& app) {
    Router router;
    add_health_routes(router, app);
    add_openapi_routes(router, app);
    add_session_routes(router, app);
    add_dashboard_routes(router, app);
    add_plan_routes(router, app);
    add_plan_data_routes(router, app);
    add_evaluation_routes(router, app);
    add_document_routes(router, app);
    add_registration_routes(router, app);
    add_decision_routes(router, app);
    add_attestation_routes(router, app);
    add_task_routes(router, app);
    add_proposal_routes(router, app);
    add_dossier_routes(router, app);
    add_file_routes(router, app);
    add_calendar_routes(router, app);
    add_notification_routes(router, app);
    add_unit_routes(router, app);
    add_people_routes(router, app);
    add_results_routes(router, app);
    add_user_routes(router, app);
    add_token_routes(router, app);
    add_audit_routes(router, app);
    add_asset_routes(router, app);
    return router;
}

}  // namespace thidua::web

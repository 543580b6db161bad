#pragma once
// One resource a file; each adds its routes to the router. make_router (web/app) calls them all.

#include "web/app/WebApp.h"
#include "web/http/Router.h"

namespace thidua::web {

void add_health_routes(Router& router, WebApp& app);
void add_openapi_routes(Router& router, WebApp& app);
void add_session_routes(Router& router, WebApp& app);
void add_dashboard_routes(Router& router, WebApp& app);
void add_plan_routes(Router& router, WebApp& app);
void add_plan_data_routes(Router& router, WebApp& app);
void add_evaluation_routes(Router& router, WebApp& app);
void add_unit_routes(Router& router, WebApp& app);
void add_people_routes(Router& router, WebApp& app);
void add_results_routes(Router& router, WebApp& app);
void add_user_routes(Router& router, WebApp& app);
void add_token_routes(Router& router, WebApp& app);
void add_audit_routes(Router& router, WebApp& app);
void add_asset_routes(Router& router, WebApp& app);
void add_document_routes(Router& router, WebApp& app);
void add_registration_routes(Router& router, WebApp& app);
void add_decision_routes(Router& router, WebApp& app);
void add_attestation_routes(Router& router, WebApp& app);
void add_task_routes(Router& router, WebApp& app);
void add_proposal_routes(Router& router, WebApp& app);
void add_file_routes(Router& router, WebApp& app);
void add_calendar_routes(Router& router, WebApp& app);
void add_notification_routes(Router& router, WebApp& app);
void add_dossier_routes(Router& router, WebApp& app);

}  // namespace thidua::web

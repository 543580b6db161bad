#pragma once
// Wraps a resource's handler with what every route needs before it runs: a store connection,
// the caller (401), their role (403) and, for state-changing calls, the CSRF token (403).
// Authorisation is decided here for every route; rows a don-vi user may read are filtered by the
// resource with UnitScope.

#include <functional>

#include "store/Store.h"
#include "web/app/Principal.h"
#include "web/app/WebApp.h"
#include "web/http/Router.h"

namespace thidua::web {

using SecuredHandler = std::function<Response(Request&, const Principal&, Store&)>;
using StoreHandler = std::function<Response(Request&, Store&)>;

Handler secured(WebApp& app, Access access, SecuredHandler handler);
// For the few public routes that still need the store (login, health).
Handler with_store(WebApp& app, StoreHandler handler);

Response store_failure(const StoreError& error);

}  // namespace thidua::web

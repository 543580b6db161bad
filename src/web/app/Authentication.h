#pragma once
// Finds the caller of a request: a bearer token (API clients) or the session cookie (browsers).
// Tokens are looked up by their SHA-256; the token itself is never stored.

#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "store/Store.h"
#include "web/app/Principal.h"
#include "web/app/WebApp.h"
#include "web/http/Request.h"

namespace thidua::web {

inline constexpr const char* kSessionCookie = "thidua_session";

// nullopt: no valid credentials (the caller answers 401).
tl::expected<std::optional<Principal>, StoreError> authenticate(WebApp& app, Store& store,
                                                                const Request& request);

// A state-changing call made with the session cookie must carry the session's CSRF token in
// X-CSRF-Token; and if the browser says where the call came from, it must be this site.
bool passes_csrf(const Principal& principal, const Request& request);

bool is_state_changing(const Request& request);

}  // namespace thidua::web

#pragma once
// Serves the embedded web UI: "/" and "/index.html" give the single page, "/assets/…" its files.
// Strong ETags with If-None-Match → 304; index.html is revalidated on every load (no-cache) and
// carries the Content-Security-Policy; the other files are cached for an hour.

#include <string_view>

#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

inline constexpr std::string_view k_index_csp =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'";

// `path` is the decoded URL path (Request::path). 404 (JSON error) for an unknown path, 405 for a
// method other than GET or HEAD. Uses only the Request/Response members, none of their functions.
Response serve_asset(const Request& request, std::string_view path);

}  // namespace thidua::web

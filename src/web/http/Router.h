#pragma once
// Maps a method and a path to a handler. Patterns are literal segments and `{name}` segments
// ("/api/v1/plans/{id}/evaluation"); a `{name...}` last segment takes the rest of the path.
// Each route names its largest accepted body, which the server applies before reading it.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

using Handler = std::function<Response(Request&)>;

constexpr std::size_t kDefaultBodyLimit = 1 << 20;  // 1 MiB

struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
    std::size_t body_limit = kDefaultBodyLimit;
};

struct RouteMatch {
    const Route* route = nullptr;     // null: no route for this path (404) …
    bool method_not_allowed = false;  // … or the path exists for other methods only (405)
    std::vector<std::string> allowed_methods;
};

class Router {
public:
    void add(std::string method, std::string pattern, Handler handler,
             std::size_t body_limit = kDefaultBodyLimit);
    // Fills request.params when a route matches.
    RouteMatch match(std::string_view method, std::string_view path,
                     std::unordered_map<std::string, std::string>* params = nullptr) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

}  // namespace thidua::web

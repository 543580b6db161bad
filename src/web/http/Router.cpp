#include "web/http/Router.h"

#include <algorithm>

namespace thidua::web {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    std::vector<std::string_view> segments;
    for (;;) {
        const auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) return segments;
        path.remove_prefix(slash + 1);
    }
}

// Lower ranks are more specific: "/units/tree" wins over "/units/{id}" whatever the order in
// which the routes were added.
enum Rank : int { kLiteral = 0, kParam = 1, kRest = 2 };

struct Attempt {
    bool matched = false;
    std::vector<int> ranks;
    std::unordered_map<std::string, std::string> params;
};

bool is_param(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool is_rest(std::string_view segment) {
    return is_param(segment) && segment.size() > 5 && segment.substr(segment.size() - 4) == "...}";
}

std::string join_rest(const std::vector<std::string_view>& segments, std::size_t from) {
    std::string rest;
    for (std::size_t i = from; i < segments.size(); ++i) {
        if (i > from) rest += '/';
        rest += segments[i];
    }
    return rest;
}

Attempt try_pattern(std::string_view pattern, const std::vector<std::string_view>& path) {
    Attempt attempt;
    const auto segments = split_path(pattern);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string_view segment = segments[i];
        if (is_rest(segment) && i + 1 == segments.size()) {
            if (i >= path.size()) return {};
            attempt.params[std::string(segment.substr(1, segment.size() - 5))] = join_rest(path, i);
            attempt.ranks.push_back(kRest);
            attempt.matched = true;
            return attempt;
        }
        if (i >= path.size()) return {};
        if (is_param(segment)) {
            if (path[i].empty()) return {};
            attempt.params[std::string(segment.substr(1, segment.size() - 2))] = path[i];
            attempt.ranks.push_back(kParam);
        } else if (segment == path[i]) {
            attempt.ranks.push_back(kLiteral);
        } else {
            return {};
        }
    }
    attempt.matched = segments.size() == path.size();
    return attempt;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, std::size_t body_limit) {
    m_routes.push_back({std::move(method), std::move(pattern), std::move(handler), body_limit});
}

RouteMatch Router::match(std::string_view method, std::string_view path,
                         std::unordered_map<std::string, std::string>* params) const {
    RouteMatch result;
    if (!path.starts_with('/')) return result;
    const auto segments = split_path(path);
    Attempt best;
    for (const Route& route : m_routes) {
        Attempt attempt = try_pattern(route.pattern, segments);
        if (!attempt.matched) continue;
        if (route.method != method) {
            if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(),
                          route.method) == result.allowed_methods.end())
                result.allowed_methods.push_back(route.method);
            continue;
        }
        if (!result.route || attempt.ranks < best.ranks) {
            result.route = &route;
            best = std::move(attempt);
        }
    }
    if (result.route) {
        if (params) *params = std::move(best.params);
    } else {
        result.method_not_allowed = !result.allowed_methods.empty();
    }
    return result;
}

}  // namespace thidua::web

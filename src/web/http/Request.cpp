#include "web/http/Request.h"

#include "web/http/Cookies.h"
#include "web/http/HttpText.h"

namespace thidua::web {

std::optional<std::string_view> Request::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (iequals(key, name)) return std::string_view(value);
    return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
    // HTTP/2 proxies may split cookies over several headers; HTTP/1.1 clients send one.
    for (const auto& [key, value] : headers) {
        if (!iequals(key, "cookie")) continue;
        if (auto found = find_cookie(value, name)) return found;
    }
    return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    for (const auto& [key, value] : query)
        if (key == name) return value;
    return std::nullopt;
}

std::string Request::param(const std::string& name) const {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

}  // namespace thidua::web

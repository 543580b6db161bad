#pragma once
// Cookie header parsing and Set-Cookie building.

#include <optional>
#include <string>
#include <string_view>

namespace thidua::web {

std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
    bool http_only = true;
    bool secure = false;
    std::string same_site = "Lax";  // "Strict", "Lax"
    std::string path = "/";
    int max_age_seconds = -1;  // -1: session cookie; 0: delete
};

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace thidua::web

#include "web/http/Cookies.h"

#include "web/http/HttpText.h"

namespace thidua::web {

namespace {

// RFC 6265 cookie-octet: what may stand in a cookie value without quoting. Anything else is
// dropped so that a value can never end the attribute list or the header early.
bool is_cookie_octet(unsigned char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
           (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

std::string cookie_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (is_cookie_octet(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string_view unquote(std::string_view value) {
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return value.substr(1, value.size() - 2);
    return value;
}

}  // namespace

std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name) {
    while (!cookie_header.empty()) {
        const auto semicolon = cookie_header.find(';');
        const std::string_view pair = trim_ows(cookie_header.substr(0, semicolon));
        cookie_header.remove_prefix(semicolon == std::string_view::npos ? cookie_header.size()
                                                                        : semicolon + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (trim_ows(pair.substr(0, equals)) != name) continue;
        return std::string(unquote(trim_ows(pair.substr(equals + 1))));
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
    std::string header = cookie_safe(name);
    header += '=';
    header += cookie_safe(value);
    if (!options.path.empty()) header += "; Path=" + cookie_safe(options.path);
    if (options.http_only) header += "; HttpOnly";
    if (!options.same_site.empty()) header += "; SameSite=" + cookie_safe(options.same_site);
    if (options.secure) header += "; Secure";
    if (options.max_age_seconds >= 0)
        header += "; Max-Age=" + std::to_string(options.max_age_seconds);
    return header;
}

}  // namespace thidua::web

#include "web/app/Authentication.h"

#include <chrono>

#include "auth/Tokens.h"
#include "store/Clock.h"

namespace thidua::web {
namespace {

std::optional<std::string> bearer_token(const Request& request) {
    const auto header = request.header("authorization");
    if (!header) return std::nullopt;
    constexpr std::string_view kPrefix = "Bearer ";
    if (header->size() <= kPrefix.size() || !header->starts_with(kPrefix)) return std::nullopt;
    return std::string(header->substr(kPrefix.size()));
}

// The session slides forward once less than half of its lifetime is left: one write per half
// lifetime rather than one per request.
void slide_session(WebApp& app, Store& store, const std::string& hash, const SessionInfo& info) {
    const auto now = std::chrono::system_clock::now();
    const auto lifetime = app.options().session_lifetime;
    if (info.expires_at > store::utc_iso(now + lifetime / 2)) return;
    (void)store.accounts().extend_session(hash, store::utc_iso(now + lifetime));
}

// "https://host:port/…" → "host:port".
std::string_view origin_host(std::string_view origin) {
    const auto scheme = origin.find("://");
    if (scheme == std::string_view::npos) return origin;
    origin.remove_prefix(scheme + 3);
    return origin.substr(0, origin.find('/'));
}

}  // namespace

tl::expected<std::optional<Principal>, StoreError> authenticate(WebApp& app, Store& store,
                                                                const Request& request) {
    const std::string now = store::utc_now();
    if (auto token = bearer_token(request)) {
        auto found = store.accounts().find_api_token(auth::sha256_hex(*token), now);
        if (!found) return tl::unexpected(found.error());
        if (!*found) return std::nullopt;
        return Principal{(*found)->user, {}, {}, true};
    }
    const auto cookie = request.cookie(kSessionCookie);
    if (!cookie || cookie->empty()) return std::nullopt;
    const std::string hash = auth::sha256_hex(*cookie);
    auto found = store.accounts().find_session(hash, now);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return std::nullopt;
    slide_session(app, store, hash, **found);
    return Principal{(*found)->user, hash, (*found)->csrf_token, false};
}

bool is_state_changing(const Request& request) {
    return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
}

bool passes_csrf(const Principal& principal, const Request& request) {
    if (principal.bearer || !is_state_changing(request)) return true;
    const auto sent = request.header("x-csrf-token");
    if (!sent || principal.csrf_token.empty() ||
        !auth::constant_time_equal(*sent, principal.csrf_token))
        return false;
    const auto origin = request.header("origin");
    const auto host = request.header("host");
    if (origin && host && *origin != "null" && origin_host(*origin) != *host) return false;
    return true;
}

}  // namespace thidua::web

// POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me, POST /api/v1/me/password.

#include <chrono>

#include <fmt/format.h>

#include "auth/PasswordHash.h"
#include "auth/Tokens.h"
#include "store/Clock.h"
#include "web/app/Authentication.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/http/Cookies.h"
#include "web/http/HttpText.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

using Clock = std::chrono::system_clock;

// Verifying against a fixed hash when the username is unknown keeps the answer's timing from
// telling which usernames exist.
const std::string& decoy_hash() {
    static const std::string hash = auth::hash_password(auth::random_token(16));
    return hash;
}

bool secure_cookies(const WebApp& app, const Request& request) {
    return app.options().behind_tls_proxy || request.secure;
}

std::string session_cookie(const WebApp& app, const Request& request, std::string_view token,
                           int max_age) {
    CookieOptions options;
    options.secure = secure_cookies(app, request);
    options.max_age_seconds = max_age;
    return set_cookie(kSessionCookie, token, options);
}

UnitNames names_for(Store& store, const User& user) {
    if (user.unit_id.empty()) return {};
    auto units = store.list_units();
    return units ? unit_names(*units) : UnitNames{};
}

// 429 when the username or the address has failed too often within the window.
std::optional<Response> throttled(WebApp& app, Store& store, const std::string& user_key,
                                  const std::string& address_key) {
    const WebOptions& o = app.options();
    const std::string since = store::utc_iso(Clock::now() - o.login_window);
    auto by_user = store.accounts().count_login_failures(user_key, since);
    auto by_address = store.accounts().count_login_failures(address_key, since);
    if (!by_user) return store_failure(by_user.error());
    if (!by_address) return store_failure(by_address.error());
    if (*by_user < o.login_failures_per_user && *by_address < o.login_failures_per_address)
        return std::nullopt;
    Response r =
        Response::error(429, "too_many_attempts",
                        fmt::format("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {} phút.",
                                    o.login_window.count()));
    r.set_header("Retry-After", std::to_string(o.login_window.count() * 60));
    return r;
}

Response start_session(WebApp& app, Store& store, const Request& request, const User& user) {
    const std::string token = auth::random_token(32);
    const std::string csrf = auth::random_token(32);
    const auto expires = Clock::now() + app.options().session_lifetime;
    auto made = store.accounts().create_session(
        {auth::sha256_hex(token), user.id, csrf, store::utc_iso(expires)});
    if (!made) return store_failure(made.error());
    (void)store.append_audit({0, store::utc_now(), user.username, "login", user.username,
                              json{{"address", request.remote_address}}.dump()});
    Response r = Response::json(
        200, {{"csrf_token", csrf}, {"user", user_json(user, names_for(store, user))}});
    r.set_header("Set-Cookie", session_cookie(app, request, token, -1));
    return r;
}

Response login(WebApp& app, Request& request, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    const std::string username = text_member(*body, "username");
    const std::string password = text_member(*body, "password");
    if (username.empty() || password.empty())
        return Response::error(400, "bad_request", "Cần nhập tên đăng nhập và mật khẩu");
    const std::string user_key = "user:" + to_lower_ascii(username);
    const std::string address_key = "ip:" + request.remote_address;
    if (auto refused = throttled(app, store, user_key, address_key)) return std::move(*refused);
    auto found = store.accounts().find_credentials(username);
    if (!found) return store_failure(found.error());
    const bool known = found->has_value() && !(*found)->user.disabled;
    const bool ok =
        auth::verify_password(password, known ? (*found)->password_hash : decoy_hash()) && known;
    if (!ok) {
        const std::string now = store::utc_now();
        (void)store.accounts().record_login_failure(user_key, now);
        (void)store.accounts().record_login_failure(address_key, now);
        return Response::error(401, "unauthorized", "Sai tên đăng nhập hoặc mật khẩu");
    }
    (void)store.accounts().clear_login_failures(user_key);
    // A successful login is a good moment to forget what no longer counts; a failure to do so
    // costs nothing but space, so it does not stop the login.
    const auto now = Clock::now();
    (void)store.accounts().purge_expired(store::utc_iso(now),
                                         store::utc_iso(now - app.options().login_window));
    return start_session(app, store, request, (*found)->user);
}

Response logout(WebApp& app, Request& request, const Principal& who, Store& store) {
    if (!who.session_hash.empty()) {
        auto gone = store.accounts().delete_session(who.session_hash);
        if (!gone) return store_failure(gone.error());
    }
    Response r = Response::json(200, json::object());
    r.set_header("Set-Cookie", session_cookie(app, request, "", 0));
    return r;
}

Response me(Request&, const Principal& who, Store& store) {
    return Response::json(200, {{"csrf_token", who.csrf_token},
                                {"user", user_json(who.user, names_for(store, who.user))}});
}

Response change_password(Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    const std::string current = text_member(*body, "current_password");
    const std::string next = text_member(*body, "new_password");
    auto found = store.accounts().find_credentials(who.user.username);
    if (!found) return store_failure(found.error());
    if (!*found || !auth::verify_password(current, (*found)->password_hash))
        return Response::error(403, "forbidden", "Mật khẩu hiện tại không đúng");
    if (const std::string problem = auth::password_problem(next); !problem.empty())
        return Response::error(400, "bad_request", problem);
    if (next == current)
        return Response::error(400, "bad_request", "Mật khẩu mới phải khác mật khẩu hiện tại");
    auto saved = store.accounts().set_password(who.user.id, auth::hash_password(next), false,
                                               who.session_hash);
    if (!saved) return store_failure(saved.error());
    return Response::json(200, json::object());
}

}  // namespace

void add_session_routes(Router& router, WebApp& app) {
    router.add("POST", "/api/v1/login",
               with_store(app, [&app](Request& r, Store& s) { return login(app, r, s); }), 4096);
    router.add("POST", "/api/v1/logout",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return logout(app, r, p, s);
               }));
    router.add("GET", "/api/v1/me", secured(app, Access::SignedIn, me));
    router.add("POST", "/api/v1/me/password", secured(app, Access::SignedIn, change_password),
               4096);
}

}  // namespace thidua::web

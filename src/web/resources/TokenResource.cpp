// POST|GET /api/v1/tokens, DELETE /api/v1/tokens/{id}: bearer tokens for API clients, made by
// an administrator for a user; the token is shown once and stored only as its SHA-256.

#include <algorithm>
#include <chrono>

#include "auth/Tokens.h"
#include "store/Clock.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json token_json(const ApiToken& t) {
    return {{"id", t.id},
            {"username", t.username},
            {"name", t.name},
            {"created_at", t.created_at},
            {"expires_at", t.expires_at.empty() ? json(nullptr) : json(t.expires_at)},
            {"revoked", t.revoked}};
}

Response create_token(Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    const std::string username = text_member(*body, "username");
    const std::string name = text_member(*body, "name");
    auto found = store.accounts().find_credentials(username);
    if (!found) return store_failure(found.error());
    if (!*found) return Response::error(400, "bad_request", "Không có người dùng này");
    std::string expires;
    if (auto days = body->find("days"); days != body->end() && days->is_number_integer()) {
        const int n = days->get<int>();
        if (n < 1 || n > 3650)
            return Response::error(400, "bad_request", "Số ngày hiệu lực từ 1 đến 3650");
        expires = store::utc_iso(std::chrono::system_clock::now() + std::chrono::days(n));
    }
    const std::string token = auth::random_token(32);
    auto made =
        store.accounts().create_api_token(auth::sha256_hex(token), (*found)->user.id,
                                          name.empty() ? "api" : name, expires, who.user.username);
    if (!made) return store_failure(made.error());
    json out = token_json(*made);
    out["token"] = token;
    return Response::json(201, out);
}

Response list_tokens(Request&, const Principal&, Store& store) {
    auto tokens = store.accounts().list_api_tokens();
    if (!tokens) return store_failure(tokens.error());
    json out = json::array();
    for (const ApiToken& t : *tokens)
        out.push_back(token_json(t));
    return Response::json(200, out);
}

Response revoke_token(Request& request, const Principal& who, Store& store) {
    const auto id = parse_integer(request.param("id"));
    auto tokens = store.accounts().list_api_tokens();
    if (!tokens) return store_failure(tokens.error());
    const bool known = id && std::any_of(tokens->begin(), tokens->end(),
                                         [&](const ApiToken& t) { return t.id == *id; });
    if (!known) return Response::error(404, "not_found", "Không có mã truy cập này");
    if (auto r = store.accounts().revoke_api_token(*id, who.user.username); !r)
        return store_failure(r.error());
    return Response::json(200, json::object());
}

}  // namespace

void add_token_routes(Router& router, WebApp& app) {
    router.add("POST", "/api/v1/tokens", secured(app, Access::Admin, create_token), 4096);
    router.add("GET", "/api/v1/tokens", secured(app, Access::Admin, list_tokens));
    router.add("DELETE", "/api/v1/tokens/{id}", secured(app, Access::Admin, revoke_token));
}

}  // namespace thidua::web

// GET|POST /api/v1/users, PATCH /api/v1/users/{id}: accounts, for administrators only.

#include "auth/PasswordHash.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

bool valid_username(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
            return false;
    return true;
}

Response list_users(Request&, const Principal&, Store& store) {
    auto users = store.accounts().list_users();
    auto units = store.list_units();
    if (!users) return store_failure(users.error());
    if (!units) return store_failure(units.error());
    const UnitNames names = unit_names(*units);
    json out = json::array();
    for (const User& u : *users)
        out.push_back(user_json(u, names));
    return Response::json(200, out);
}

// Enough of an address to mail to: one '@' with text on both sides, no spaces or line breaks
// (which would let a value inject mail headers). "" clears it.
bool plausible_email(std::string_view e) {
    if (e.empty()) return true;
    if (e.size() > 254 || e.find_first_of(" \t\r\n<>,;\"") != std::string_view::npos) return false;
    const size_t at = e.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < e.size() &&
           e.find('@', at + 1) == std::string_view::npos;
}

Response create_user(Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    NewUser user;
    user.username = text_member(*body, "username");
    user.display_name = text_member(*body, "display_name");
    user.unit_id = text_member(*body, "unit_id");
    user.email = text_member(*body, "email");
    if (!plausible_email(user.email))
        return Response::error(400, "bad_request", "Địa chỉ thư điện tử (email) không hợp lệ");
    const auto role = parse_role(text_member(*body, "role"));
    const std::string password = text_member(*body, "password");
    if (!valid_username(user.username))
        return Response::error(
            400, "bad_request",
            "Tên đăng nhập chỉ gồm chữ không dấu, số, '.', '-', '_' (tối đa 64)");
    if (!role)
        return Response::error(400, "bad_request",
                               "Vai trò phải là quan-tri, noi-vu, hoi-dong, don-vi hoặc lanh-dao");
    user.role = *role;
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitNames names = unit_names(*units);
    if (user.role == Role::DonVi && !names.contains(user.unit_id))
        return Response::error(400, "bad_request", "Người dùng đơn vị cần mã một đơn vị đã có");
    if (user.role != Role::DonVi) user.unit_id.clear();
    if (const std::string problem = auth::password_problem(password); !problem.empty())
        return Response::error(400, "bad_request", problem);
    user.password_hash = auth::hash_password(password);
    user.must_change_password = true;  // the administrator chose it; the user should replace it
    auto made = store.accounts().create_user(user, who.user.username);
    if (!made) return Response::error(409, "conflict", made.error().message);
    return Response::json(201, user_json(*made, names));
}

Response update_user(Request& request, const Principal& who, Store& store) {
    const auto id = parse_integer(request.param("id"));
    if (!id) return Response::error(404, "not_found", "Không có người dùng này");
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    auto found = store.accounts().find_user(*id);
    if (!found) return store_failure(found.error());
    if (!*found) return Response::error(404, "not_found", "Không có người dùng này");
    if (auto it = body->find("disabled"); it != body->end() && it->is_boolean()) {
        if (*id == who.user.id && it->get<bool>())
            return Response::error(400, "bad_request", "Không thể tự khoá tài khoản của mình");
        if (auto r = store.accounts().set_disabled(*id, it->get<bool>(), who.user.username); !r)
            return store_failure(r.error());
    }
    if (body->contains("email")) {
        const std::string email = text_member(*body, "email");
        if (!plausible_email(email))
            return Response::error(400, "bad_request", "Địa chỉ thư điện tử (email) không hợp lệ");
        if (auto r = store.accounts().set_email(*id, email, who.user.username); !r)
            return store_failure(r.error());
    }
    if (const std::string password = text_member(*body, "password"); !password.empty()) {
        if (const std::string problem = auth::password_problem(password); !problem.empty())
            return Response::error(400, "bad_request", problem);
        if (auto r = store.accounts().set_password(*id, auth::hash_password(password), true, "",
                                                   who.user.username);
            !r)
            return store_failure(r.error());
    }
    auto updated = store.accounts().find_user(*id);
    auto units = store.list_units();
    if (!updated || !*updated || !units)
        return Response::error(503, "store_unavailable", "Không đọc lại được người dùng");
    return Response::json(200, user_json(**updated, unit_names(*units)));
}

}  // namespace

void add_user_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/users", secured(app, Access::Admin, list_users));
    router.add("POST", "/api/v1/users", secured(app, Access::Admin, create_user), 8192);
    router.add("PATCH", "/api/v1/users/{id}", secured(app, Access::Admin, update_user), 8192);
}

}  // namespace thidua::web

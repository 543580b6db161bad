#include "web/app/Guard.h"

#include <iostream>

#include "web/app/Authentication.h"

namespace thidua::web {

bool allows(Access access, Role role) {
    switch (access) {
        case Access::SignedIn:
            return true;
        case Access::Council:
            return role == Role::HoiDong || role == Role::QuanTri;
        case Access::Edit:
            return role == Role::NoiVu || role == Role::QuanTri;
        case Access::Admin:
            return role == Role::QuanTri;
    }
    return false;
}

Response store_failure(const StoreError& error) {
    // The engine's own words are for the operator's log, not for the browser.
    std::cerr << "thidua serve: " << error.format() << "\n";
    return Response::error(503, "store_unavailable",
                           "Không truy cập được cơ sở dữ liệu: " + error.message);
}

namespace {

// A password someone else chose (a generated first password, one set by an administrator) is
// replaced before the account does anything else; only who-am-I, the change itself and logout
// remain open.
bool must_change_password_first(const Principal& principal, const Request& request) {
    if (!principal.user.must_change_password || principal.bearer) return false;
    return request.path != "/api/v1/me" && request.path != "/api/v1/me/password" &&
           request.path != "/api/v1/logout";
}

}  // namespace

Handler with_store(WebApp& app, StoreHandler handler) {
    return [&app, handler = std::move(handler)](Request& request) {
        auto lease = app.stores().acquire();
        if (!lease) return store_failure(lease.error());
        return handler(request, **lease);
    };
}

Handler secured(WebApp& app, Access access, SecuredHandler handler) {
    return [&app, access, handler = std::move(handler)](Request& request) {
        auto lease = app.stores().acquire();
        if (!lease) return store_failure(lease.error());
        Store& store = **lease;
        auto who = authenticate(app, store, request);
        if (!who) {
            lease->discard();
            return store_failure(who.error());
        }
        if (!*who) return Response::error(401, "unauthorized", "Cần đăng nhập");
        const Principal& principal = **who;
        if (!passes_csrf(principal, request))
            return Response::error(403, "csrf",
                                   "Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)");
        if (must_change_password_first(principal, request))
            return Response::error(403, "password_change_required",
                                   "Cần đổi mật khẩu trước khi tiếp tục");
        if (!allows(access, principal.user.role))
            return Response::error(403, "forbidden", "Vai trò của bạn không được làm việc này");
        return handler(request, principal, store);
    };
}

}  // namespace thidua::web

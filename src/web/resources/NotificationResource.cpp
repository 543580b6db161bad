// The caller's reminders (issue 6, item 5), made by the daily reminder job (web/app/ReminderJob):
//   GET  /api/v1/notifications?unread=1&limit=N   newest first, with the number unread
//   POST /api/v1/notifications/{id}/read          marks one read (only the caller's own)

#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json notification_json(const Notification& n) {
    return {{"id", n.id},
            {"title", n.title},
            {"link", n.link},
            {"plan", n.plan_id},
            {"period", n.period},
            {"unit", n.unit_id},
            {"due", n.due_on.empty() ? json(nullptr) : json(n.due_on)},
            {"created_at", n.created_at},
            {"read", !n.read_at.empty()},
            {"mailed", !n.mailed_at.empty()}};
}

Response list(Request& request, const Principal& who, Store& store) {
    const bool unread_only = request.query_param("unread").value_or("") == "1";
    auto items = store.notifications(who.user.username, unread_only, limit_param(request, 50, 500));
    if (!items) return store_failure(items.error());
    auto unread = store.notifications(who.user.username, true, 1000);
    if (!unread) return store_failure(unread.error());
    json out = json::array();
    for (const Notification& n : *items)
        out.push_back(notification_json(n));
    return Response::json(200, {{"unread", unread->size()}, {"items", out}});
}

Response mark_read(Request& request, const Principal& who, Store& store) {
    const auto id = parse_integer(request.param("id"));
    if (!id) return Response::error(404, "not_found", "Không có nhắc việc này");
    auto done = store.mark_notification_read(*id, who.user.username);
    if (!done) return store_failure(done.error());
    if (!*done) return Response::error(404, "not_found", "Không có nhắc việc này");
    return Response::json(200, {{"id", *id}, {"read", true}});
}

}  // namespace

void add_notification_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/notifications", secured(app, Access::SignedIn, list));
    router.add("POST", "/api/v1/notifications/{id}/read",
               secured(app, Access::SignedIn, mark_read));
}

}  // namespace thidua::web

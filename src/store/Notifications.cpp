#include "store/Notifications.h"

#include <fmt/format.h>

#include "store/Clock.h"

namespace thidua::store {
namespace {

constexpr std::string_view kColumns =
    "id, username, reminder_key, plan_id, period, unit_id, title, link, due_on, created_at, "
    "read_at, mailed_at, mail_error";

std::string text_or_empty(const SqlRow& r, int c) {
    return r.is_null(c) ? std::string() : std::string(r.text(c));
}

Notification notification_of(const SqlRow& r) {
    Notification n;
    n.id = r.integer(0);
    n.username = r.text(1);
    n.key = r.text(2);
    n.plan_id = r.text(3);
    n.period = r.text(4);
    n.unit_id = r.text(5);
    n.title = r.text(6);
    n.link = r.text(7);
    n.due_on = text_or_empty(r, 8);
    n.created_at = r.text(9);
    n.read_at = text_or_empty(r, 10);
    n.mailed_at = text_or_empty(r, 11);
    n.mail_error = r.text(12);
    return n;
}

Result<std::vector<Notification>> select(SqlConnection& db, const std::string& where,
                                         std::span<const SqlValue> params) {
    std::vector<Notification> out;
    auto done = db.query(fmt::format("SELECT {} FROM notifications WHERE {}", kColumns, where),
                         params, [&](const SqlRow& r) { out.push_back(notification_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace

Result<bool> add_notification(SqlConnection& db, Notification n) {
    n.created_at = utc_now();
    const SqlValue row[] = {
        SqlValue::of(n.username),  SqlValue::of(n.key),
        SqlValue::of(n.plan_id),   SqlValue::of(n.period),
        SqlValue::of(n.unit_id),   SqlValue::of(n.title),
        SqlValue::of(n.link),      n.due_on.empty() ? SqlValue::null() : SqlValue::of(n.due_on),
        SqlValue::of(n.created_at)};
    auto added = db.run(
        "INSERT INTO notifications (username, reminder_key, plan_id, period, unit_id, title, link, "
        "due_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username, "
        "reminder_key) DO NOTHING",
        row);
    if (!added) return tl::unexpected(added.error());
    return *added > 0;
}

Result<std::vector<Notification>> list_notifications(SqlConnection& db, const std::string& username,
                                                     bool unread_only, int limit) {
    const SqlValue params[] = {SqlValue::of(username), SqlValue::of(static_cast<int64_t>(limit))};
    return select(db,
                  std::string("username = $1") + (unread_only ? " AND read_at IS NULL" : "") +
                      " ORDER BY id DESC LIMIT $2",
                  params);
}

Result<bool> mark_notification_read(SqlConnection& db, int64_t id, const std::string& username) {
    const std::string now = utc_now();  // the SqlValue views it: it must outlive the query
    const SqlValue params[] = {SqlValue::of(id), SqlValue::of(username), SqlValue::of(now)};
    auto done = db.run(
        "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND username = $2",
        params);
    if (!done) return tl::unexpected(done.error());
    return *done > 0;
}

Result<std::vector<Notification>> unmailed_notifications(SqlConnection& db, int limit) {
    const SqlValue params[] = {SqlValue::of(static_cast<int64_t>(limit))};
    return select(db, "mailed_at IS NULL ORDER BY id LIMIT $1", params);
}

Result<> mark_notification_mailed(SqlConnection& db, int64_t id, const std::string& error) {
    const std::string now = utc_now();  // the SqlValue views it: it must outlive the query
    const SqlValue params[] = {SqlValue::of(id),
                               error.empty() ? SqlValue::of(now) : SqlValue::null(),
                               SqlValue::of(error)};
    auto done =
        db.run("UPDATE notifications SET mailed_at = $2, mail_error = $3 WHERE id = $1", params);
    if (!done) return tl::unexpected(done.error());
    return {};
}

}  // namespace thidua::store

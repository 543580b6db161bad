#include "store/AuditLog.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/Date.h"
#include "store/Clock.h"

namespace thidua::store {

Result<> append_audit_entry(SqlConnection& db, const AuditEntry& entry) {
    const std::string at = entry.at.empty() ? utc_now() : entry.at;
    const std::string detail = entry.detail.empty() ? "{}" : entry.detail;
    const SqlValue row[] = {SqlValue::of(at), SqlValue::of(entry.actor), SqlValue::of(entry.action),
                            SqlValue::of(entry.subject), SqlValue::of(detail)};
    auto r = db.run(
        "INSERT INTO audit_log (logged_at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, "
        "$5)",
        row);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<std::vector<AuditEntry>> read_audit_log(SqlConnection& db) {
    std::vector<AuditEntry> out;
    auto done = db.query(
        "SELECT id, logged_at, actor, action, subject, detail FROM audit_log ORDER BY id", {},
        [&](const SqlRow& r) {
            out.push_back({r.integer(0), std::string(r.text(1)), std::string(r.text(2)),
                           std::string(r.text(3)), std::string(r.text(4)), std::string(r.text(5))});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::vector<AuditEntry>> find_audit_entries(SqlConnection& db, const AuditQuery& q) {
    std::string sql =
        "SELECT id, logged_at, actor, action, subject, detail FROM audit_log WHERE 1 = 1";
    std::vector<std::string> texts;  // the parameters' storage: SqlValue points into it
    texts.reserve(6);
    std::vector<SqlValue> params;
    // `condition` names the parameter {0}: "actor = {0}".
    auto add = [&](std::string_view condition, std::string value) {
        texts.push_back(std::move(value));
        params.push_back(SqlValue::of(std::string_view(texts.back())));
        sql += " AND " + fmt::format(fmt::runtime(condition), fmt::format("${}", params.size()));
    };
    if (!q.actor.empty()) add("actor = {0}", q.actor);
    if (!q.action.empty()) add("action = {0}", q.action);
    if (!q.subject.empty() && q.subject.back() == '*')  // a prefix, as text: LIKE's rules differ
        add("substr(subject, 1, length(CAST({0} AS TEXT))) = {0}",
            q.subject.substr(0, q.subject.size() - 1));
    else if (!q.subject.empty())
        add("subject = {0}", q.subject);
    if (!q.from.empty()) add("logged_at >= {0}", q.from);
    // A bare date covers its whole day: up to the next day's midnight.
    if (const auto day = Date::parse_iso(q.to))
        add("logged_at < {0}", day->plus_days(1).iso());
    else if (!q.to.empty())
        add("logged_at <= {0}", q.to);
    if (q.before_id > 0) {
        params.push_back(SqlValue::of(q.before_id));
        sql += fmt::format(" AND id < ${}", params.size());
    }
    params.push_back(SqlValue::of(static_cast<int64_t>(std::clamp(q.limit, 1, 100'000))));
    sql += fmt::format(" ORDER BY id DESC LIMIT ${}", params.size());
    std::vector<AuditEntry> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        out.push_back({r.integer(0), std::string(r.text(1)), std::string(r.text(2)),
                       std::string(r.text(3)), std::string(r.text(4)), std::string(r.text(5))});
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

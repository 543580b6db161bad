#include "store/AuditLog.h"

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

}  // namespace thidua::store

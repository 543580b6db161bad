#include "store/PlanTemplates.h"

#include <nlohmann/json.hpp>

#include "auth/Tokens.h"
#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {

Result<PlanTemplate> save_plan_template(SqlConnection& db, PlanTemplate t) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    int latest = 0;
    const SqlValue key[] = {SqlValue::of(t.plan_id), SqlValue::of(t.form)};
    auto found = db.query(
        "SELECT COALESCE(MAX(version), 0) FROM plan_templates WHERE plan_id = $1 AND form = $2",
        key, [&](const SqlRow& r) { latest = static_cast<int>(r.integer(0)); });
    if (!found) return tl::unexpected(found.error());
    t.version = latest + 1;
    t.saved_at = utc_now();
    t.sha256 = t.content.empty() ? std::string() : auth::sha256_hex(t.content);
    const SqlValue row[] = {SqlValue::of(t.plan_id),
                            SqlValue::of(t.form),
                            SqlValue::of(static_cast<int64_t>(t.version)),
                            t.content.empty() ? SqlValue::null() : SqlValue::of(t.file_name),
                            t.content.empty() ? SqlValue::null() : SqlValue::blob(t.content),
                            t.content.empty() ? SqlValue::null() : SqlValue::of(t.sha256),
                            SqlValue::of(t.saved_by),
                            SqlValue::of(t.saved_at)};
    auto inserted = db.run(
        "INSERT INTO plan_templates (plan_id, form, version, file_name, content, sha256, saved_by, "
        "saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    const nlohmann::json detail = {{"form", t.form},      {"version", t.version},
                                   {"file", t.file_name}, {"bytes", t.content.size()},
                                   {"sha256", t.sha256},  {"reset", t.content.empty()}};
    if (auto r = append_audit_entry(
            db, {0, t.saved_at, t.saved_by, "plan-template-save", t.plan_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return t;
}

Result<std::optional<PlanTemplate>> find_plan_template(SqlConnection& db,
                                                       const std::string& plan_id,
                                                       const std::string& form) {
    std::optional<PlanTemplate> out;
    const SqlValue key[] = {SqlValue::of(plan_id), SqlValue::of(form)};
    auto done = db.query(
        "SELECT version, file_name, content, sha256, saved_by, saved_at FROM plan_templates "
        "WHERE plan_id = $1 AND form = $2 ORDER BY version DESC LIMIT 1",
        key, [&](const SqlRow& r) {
            out = PlanTemplate{plan_id,
                               form,
                               static_cast<int>(r.integer(0)),
                               r.is_null(1) ? std::string() : std::string(r.text(1)),
                               r.is_null(2) ? std::string() : r.blob(2),
                               r.is_null(3) ? std::string() : std::string(r.text(3)),
                               std::string(r.text(4)),
                               std::string(r.text(5))};
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::vector<PlanTemplate>> list_plan_templates(SqlConnection& db,
                                                      const std::string& plan_id) {
    std::vector<PlanTemplate> out;
    const SqlValue key[] = {SqlValue::of(plan_id)};
    auto done = db.query(
        "SELECT t.form, t.version, t.file_name, t.sha256, t.saved_by, t.saved_at FROM "
        "plan_templates t WHERE t.plan_id = $1 AND t.version = (SELECT MAX(u.version) FROM "
        "plan_templates u WHERE u.plan_id = t.plan_id AND u.form = t.form) ORDER BY t.form",
        key, [&](const SqlRow& r) {
            out.push_back({plan_id, std::string(r.text(0)), static_cast<int>(r.integer(1)),
                           r.is_null(2) ? std::string() : std::string(r.text(2)), std::string(),
                           r.is_null(3) ? std::string() : std::string(r.text(3)),
                           std::string(r.text(4)), std::string(r.text(5))});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

#include "store/PlanVersions.h"

#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT plan_id, version, plan_text, saved_by, saved_at FROM plans WHERE plan_id = $1 ";

Result<std::optional<PlanVersion>> query_plan(SqlConnection& db, std::string_view sql,
                                              std::span<const SqlValue> params) {
    std::optional<PlanVersion> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        out = PlanVersion{std::string(r.text(0)), static_cast<int>(r.integer(1)),
                          std::string(r.text(2)), std::string(r.text(3)),
                          std::string(r.text(4)), false};
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<> insert_version(SqlConnection& db, const PlanVersion& v) {
    const SqlValue row[] = {SqlValue::of(v.plan_id), SqlValue::of(static_cast<int64_t>(v.version)),
                            SqlValue::of(v.text), SqlValue::of(v.saved_by),
                            SqlValue::of(v.saved_at)};
    auto r = db.run(
        "INSERT INTO plans (plan_id, version, plan_text, saved_by, saved_at) VALUES ($1, $2, $3, "
        "$4, $5)",
        row);
    if (!r) return tl::unexpected(r.error());
    const nlohmann::json detail = {{"version", v.version}, {"bytes", v.text.size()}};
    return append_audit_entry(db,
                              {0, v.saved_at, v.saved_by, "plan-save", v.plan_id, detail.dump()});
}

}  // namespace

Result<PlanVersion> save_plan_version(SqlConnection& db, const std::string& plan_id,
                                      const std::string& text, const std::string& user) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto latest = find_plan_version(db, plan_id, std::nullopt);
    if (!latest) return tl::unexpected(latest.error());
    if (*latest && (*latest)->text == text) return **latest;
    PlanVersion v{plan_id, *latest ? (*latest)->version + 1 : 1, text, user, utc_now(), true};
    // Two servers saving the same plan at once: the second INSERT hits the primary key and fails
    // whole, rather than overwrite a version.
    if (auto r = insert_version(db, v); !r) return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return v;
}

Result<std::optional<PlanVersion>> find_plan_version(SqlConnection& db, const std::string& plan_id,
                                                     std::optional<int> version) {
    if (version) {
        const SqlValue params[] = {SqlValue::of(plan_id),
                                   SqlValue::of(static_cast<int64_t>(*version))};
        return query_plan(db, std::string(kSelect) + "AND version = $2", params);
    }
    const SqlValue params[] = {SqlValue::of(plan_id)};
    return query_plan(db, std::string(kSelect) + "ORDER BY version DESC LIMIT 1", params);
}

Result<std::vector<PlanVersion>> latest_plan_versions(SqlConnection& db) {
    std::vector<PlanVersion> out;
    auto done = db.query(
        "SELECT p.plan_id, p.version, p.plan_text, p.saved_by, p.saved_at FROM plans p WHERE "
        "p.version = (SELECT max(q.version) FROM plans q WHERE q.plan_id = p.plan_id) ORDER BY "
        "p.plan_id",
        {}, [&](const SqlRow& r) {
            out.push_back({std::string(r.text(0)), static_cast<int>(r.integer(1)),
                           std::string(r.text(2)), std::string(r.text(3)), std::string(r.text(4)),
                           false});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::vector<PlanVersion>> list_plan_versions(SqlConnection& db, const std::string& plan_id) {
    std::vector<PlanVersion> out;
    const SqlValue params[] = {SqlValue::of(plan_id)};
    auto done = db.query(
        "SELECT version, saved_by, saved_at FROM plans WHERE plan_id = $1 ORDER BY version DESC",
        params, [&](const SqlRow& r) {
            out.push_back({plan_id,
                           static_cast<int>(r.integer(0)),
                           {},
                           std::string(r.text(1)),
                           std::string(r.text(2)),
                           false});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

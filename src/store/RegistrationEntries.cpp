#include "store/RegistrationEntries.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

constexpr std::string_view kColumns =
    "plan_id, subject_kind, subject_id, period, registered_on, registered_by, registered_at, late, "
    "decision, decision_reason, decided_by, decided_at";

std::string text_or_empty(const SqlRow& r, int c) {
    return r.is_null(c) ? std::string() : std::string(r.text(c));
}

RegistrationEntry entry_of(const SqlRow& r) {
    return {std::string(r.text(0)), std::string(r.text(1)), std::string(r.text(2)),
            std::string(r.text(3)), std::string(r.text(4)), std::string(r.text(5)),
            std::string(r.text(6)), r.integer(7) != 0,      text_or_empty(r, 8),
            text_or_empty(r, 9),    text_or_empty(r, 10),   text_or_empty(r, 11)};
}

Result<std::optional<RegistrationEntry>> find_entry(SqlConnection& db, const RegistrationEntry& k) {
    std::optional<RegistrationEntry> out;
    const SqlValue key[] = {SqlValue::of(k.plan_id), SqlValue::of(k.subject_kind),
                            SqlValue::of(k.subject_id), SqlValue::of(k.period)};
    auto done = db.query(fmt::format("SELECT {} FROM registration_entries WHERE plan_id = $1 AND "
                                     "subject_kind = $2 AND subject_id = $3 AND period = $4",
                                     kColumns),
                         key, [&](const SqlRow& r) { out = entry_of(r); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

nlohmann::json entry_json(const RegistrationEntry& e) {
    return {{"subject_kind", e.subject_kind},
            {"subject_id", e.subject_id},
            {"period", e.period},
            {"registered_on", e.registered_on},
            {"late", e.late},
            {"decision", e.decision},
            {"reason", e.decision_reason}};
}

}  // namespace

Result<AddedRegistration> add_registration_entry(SqlConnection& db, RegistrationEntry e) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto existing = find_entry(db, e);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) return AddedRegistration{std::move(**existing), false};
    e.registered_at = utc_now();
    e.decision.clear();
    const SqlValue row[] = {SqlValue::of(e.plan_id),       SqlValue::of(e.subject_kind),
                            SqlValue::of(e.subject_id),    SqlValue::of(e.period),
                            SqlValue::of(e.registered_on), SqlValue::of(e.registered_by),
                            SqlValue::of(e.registered_at), SqlValue::of(int64_t{e.late ? 1 : 0})};
    auto inserted = db.run(
        "INSERT INTO registration_entries (plan_id, subject_kind, subject_id, period, "
        "registered_on, registered_by, registered_at, late) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    const nlohmann::json detail = {{"after", entry_json(e)}};
    if (auto r = append_audit_entry(
            db, {0, e.registered_at, e.registered_by, "registration", e.plan_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return AddedRegistration{std::move(e), true};
}

Result<std::optional<RegistrationEntry>> decide_registration_entry(SqlConnection& db,
                                                                   const RegistrationEntry& key,
                                                                   const std::string& decision,
                                                                   const std::string& reason,
                                                                   const std::string& user) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto existing = find_entry(db, key);
    if (!existing) return tl::unexpected(existing.error());
    if (!*existing) return std::optional<RegistrationEntry>();
    RegistrationEntry after = **existing;
    after.decision = decision;
    after.decision_reason = reason;
    after.decided_by = user;
    after.decided_at = utc_now();
    const SqlValue row[] = {SqlValue::of(after.decision),   SqlValue::of(after.decision_reason),
                            SqlValue::of(after.decided_by), SqlValue::of(after.decided_at),
                            SqlValue::of(key.plan_id),      SqlValue::of(key.subject_kind),
                            SqlValue::of(key.subject_id),   SqlValue::of(key.period)};
    auto updated = db.run(
        "UPDATE registration_entries SET decision = $1, decision_reason = $2, decided_by = $3, "
        "decided_at = $4 WHERE plan_id = $5 AND subject_kind = $6 AND subject_id = $7 AND "
        "period = $8",
        row);
    if (!updated) return tl::unexpected(updated.error());
    const nlohmann::json detail = {{"before", entry_json(**existing)},
                                   {"after", entry_json(after)}};
    if (auto r = append_audit_entry(
            db, {0, after.decided_at, user, "registration-decision", key.plan_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<RegistrationEntry>(std::move(after));
}

Result<std::vector<RegistrationEntry>> list_registration_entries(SqlConnection& db,
                                                                 const std::string& plan_id,
                                                                 const std::string& period) {
    std::vector<RegistrationEntry> out;
    const SqlValue params[] = {SqlValue::of(plan_id), SqlValue::of(period)};
    auto done = db.query(
        fmt::format(
            "SELECT {} FROM registration_entries WHERE plan_id = $1 AND (CAST($2 AS TEXT) = '' "
            "OR period = $2) ORDER BY id",
            kColumns),
        params, [&](const SqlRow& r) { out.push_back(entry_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

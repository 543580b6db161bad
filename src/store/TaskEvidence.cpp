#include "store/TaskEvidence.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"
#include "store/StoredFiles.h"

namespace thidua::store {
namespace {

std::string select_evidence() {
    return fmt::format(
        "SELECT e.id, e.task_id, {}, e.added_by, e.added_at, w.withdrawn_by, w.withdrawn_at, "
        "w.reason FROM task_evidence e JOIN par_tasks t ON t.id = e.task_id JOIN stored_files f "
        "ON f.id = e.file_id LEFT JOIN task_evidence_withdrawals w ON w.evidence_id = e.id",
        kStoredFileColumns);
}

TaskEvidence evidence_of(const SqlRow& r) {
    TaskEvidence e;
    e.id = r.integer(0);
    e.task_id = r.integer(1);
    e.file = stored_file_of(r, 2);
    e.added_by = r.text(9);
    e.added_at = r.text(10);
    e.withdrawn = !r.is_null(11);
    if (e.withdrawn) {
        e.withdrawn_by = r.text(11);
        e.withdrawn_at = r.text(12);
        e.withdraw_reason = r.text(13);
    }
    return e;
}

Result<std::optional<TaskEvidence>> find_evidence(SqlConnection& db, int64_t id) {
    std::optional<TaskEvidence> out;
    const SqlValue key[] = {SqlValue::of(id)};
    auto done = db.query(select_evidence() + " WHERE e.id = $1", key,
                         [&](const SqlRow& r) { out = evidence_of(r); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace

Result<TaskEvidence> add_task_evidence(SqlConnection& db, int64_t task_id, StoredFile file) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto stored = insert_stored_file(db, std::move(file));
    if (!stored) return tl::unexpected(stored.error());
    TaskEvidence e;
    e.task_id = task_id;
    e.added_by = stored->uploaded_by;
    e.added_at = stored->uploaded_at;
    stored->content.clear();
    e.file = std::move(*stored);
    const SqlValue row[] = {SqlValue::of(task_id), SqlValue::of(e.file.id),
                            SqlValue::of(e.added_by), SqlValue::of(e.added_at)};
    auto done = db.query(
        "INSERT INTO task_evidence (task_id, file_id, added_by, added_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        row, [&](const SqlRow& r) { e.id = r.integer(0); });
    if (!done) return tl::unexpected(done.error());
    const nlohmann::json detail = {
        {"before", nullptr},
        {"after", {{"evidence", e.id}, {"file", e.file.id}, {"name", e.file.name}}}};
    if (auto r = append_audit_entry(db, {0, e.added_at, e.added_by, "task-evidence",
                                         fmt::format("task:{}", task_id), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return e;
}

Result<std::optional<TaskEvidence>> withdraw_task_evidence(SqlConnection& db, int64_t evidence_id,
                                                           const std::string& reason,
                                                           const std::string& user) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto found = find_evidence(db, evidence_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found || (*found)->withdrawn) return std::optional<TaskEvidence>{};
    TaskEvidence e = **found;
    e.withdrawn = true;
    e.withdrawn_by = user;
    e.withdrawn_at = utc_now();
    e.withdraw_reason = reason;
    const SqlValue row[] = {SqlValue::of(evidence_id), SqlValue::of(reason), SqlValue::of(user),
                            SqlValue::of(e.withdrawn_at)};
    auto done = db.run(
        "INSERT INTO task_evidence_withdrawals (evidence_id, reason, withdrawn_by, withdrawn_at) "
        "VALUES ($1, $2, $3, $4)",
        row);
    if (!done) return tl::unexpected(done.error());
    const nlohmann::json detail = {
        {"before", {{"evidence", e.id}, {"file", e.file.id}, {"withdrawn", false}}},
        {"after", {{"evidence", e.id}, {"withdrawn", true}, {"reason", reason}}}};
    if (auto r = append_audit_entry(db, {0, e.withdrawn_at, user, "task-evidence-withdraw",
                                         fmt::format("task:{}", e.task_id), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<TaskEvidence>{std::move(e)};
}

Result<std::vector<TaskEvidence>> list_task_evidence(SqlConnection& db, const std::string& unit_id,
                                                     int year) {
    std::vector<TaskEvidence> out;
    const SqlValue key[] = {SqlValue::of(unit_id), SqlValue::of(static_cast<int64_t>(year))};
    auto done = db.query(select_evidence() + " WHERE t.unit_id = $1 AND t.year = $2 ORDER BY e.id",
                         key, [&](const SqlRow& r) { out.push_back(evidence_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

#include "store/DossierRecords.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"
#include "store/StoredFiles.h"

namespace thidua::store {
namespace {

constexpr std::string_view kDossierColumns =
    "d.id, d.plan_id, d.period, d.award, d.subject_kind, d.subject_id, d.unit_id, d.created_by, "
    "d.created_at";

DossierRecord record_of(const SqlRow& r) {
    DossierRecord d;
    d.id = r.integer(0);
    d.key = {std::string(r.text(1)), std::string(r.text(2)), std::string(r.text(3)),
             std::string(r.text(4)), std::string(r.text(5))};
    d.unit_id = r.text(6);
    d.created_by = r.text(7);
    d.created_at = r.text(8);
    return d;
}

std::string audit_subject(const DossierKey& k) {
    return fmt::format("dossier:{}/{}/{}/{}:{}", k.plan_id, k.period, k.award, k.subject_kind,
                       k.subject_id);
}

nlohmann::json key_json(const DossierKey& k) {
    return {{"plan", k.plan_id},
            {"period", k.period},
            {"award", k.award},
            {"subject_kind", k.subject_kind},
            {"subject_id", k.subject_id}};
}

// Events and uploads of the records in `out` (by id), one query each.
Result<> fill_history(SqlConnection& db, std::vector<DossierRecord>& out, std::string_view where,
                      std::span<const SqlValue> params) {
    std::map<int64_t, DossierRecord*> by_id;
    for (DossierRecord& d : out)
        by_id[d.id] = &d;
    if (by_id.empty()) return {};
    auto events = db.query(
        fmt::format("SELECT e.dossier_id, e.id, e.from_status, e.to_status, e.reason, "
                    "e.decision_number, e.decision_date, e.event_by, e.event_at, e.event_on FROM "
                    "dossier_events e JOIN award_dossiers d ON d.id = e.dossier_id WHERE {} "
                    "ORDER BY e.id",
                    where),
        params, [&](const SqlRow& r) {
            const auto it = by_id.find(r.integer(0));
            if (it == by_id.end()) return;
            it->second->events.push_back(
                {r.integer(1), std::string(r.text(2)), std::string(r.text(3)),
                 std::string(r.text(4)), std::string(r.text(5)), std::string(r.text(6)),
                 std::string(r.text(7)), std::string(r.text(8)), std::string(r.text(9))});
        });
    if (!events) return tl::unexpected(events.error());
    auto uploads = db.query(
        fmt::format(
            "SELECT u.dossier_id, u.id, u.document, u.uploaded_by, u.uploaded_at, {}, "
            "w.withdrawn_by, w.withdrawn_at, w.reason FROM dossier_uploads u JOIN award_dossiers "
            "d ON d.id = u.dossier_id JOIN stored_files f ON f.id = u.file_id LEFT JOIN "
            "dossier_upload_withdrawals w ON w.upload_id = u.id WHERE {} ORDER BY u.id",
            kStoredFileColumns, where),
        params, [&](const SqlRow& r) {
            const auto it = by_id.find(r.integer(0));
            if (it == by_id.end()) return;
            DossierUpload u;
            u.id = r.integer(1);
            u.document = r.text(2);
            u.uploaded_by = r.text(3);
            u.uploaded_at = r.text(4);
            u.file = stored_file_of(r, 5);
            u.withdrawn = !r.is_null(12);
            if (u.withdrawn) {
                u.withdrawn_by = r.text(12);
                u.withdrawn_at = r.text(13);
                u.withdraw_reason = r.text(14);
            }
            it->second->uploads.push_back(std::move(u));
        });
    if (!uploads) return tl::unexpected(uploads.error());
    return {};
}

// The record of `key` with its history, or nullopt.
Result<std::optional<DossierRecord>> find_record(SqlConnection& db, const DossierKey& k) {
    const SqlValue key[] = {SqlValue::of(k.plan_id), SqlValue::of(k.period), SqlValue::of(k.award),
                            SqlValue::of(k.subject_kind), SqlValue::of(k.subject_id)};
    constexpr std::string_view where =
        "d.plan_id = $1 AND d.period = $2 AND d.award = $3 AND d.subject_kind = $4 AND "
        "d.subject_id = $5";
    std::vector<DossierRecord> out;
    auto done =
        db.query(fmt::format("SELECT {} FROM award_dossiers d WHERE {}", kDossierColumns, where),
                 key, [&](const SqlRow& r) { out.push_back(record_of(r)); });
    if (!done) return tl::unexpected(done.error());
    if (out.empty()) return std::optional<DossierRecord>();
    if (auto r = fill_history(db, out, where, key); !r) return tl::unexpected(r.error());
    return std::optional<DossierRecord>(std::move(out.front()));
}

// The record of `key`, created (without history) when there is none. Inside a transaction.
Result<DossierRecord> find_or_create(SqlConnection& db, const DossierKey& k,
                                     const std::string& unit_id, const std::string& user) {
    auto found = find_record(db, k);
    if (!found) return tl::unexpected(found.error());
    if (*found) return std::move(**found);
    DossierRecord d;
    d.key = k;
    d.unit_id = unit_id;
    d.created_by = user;
    d.created_at = utc_now();
    const SqlValue row[] = {SqlValue::of(k.plan_id),    SqlValue::of(k.period),
                            SqlValue::of(k.award),      SqlValue::of(k.subject_kind),
                            SqlValue::of(k.subject_id), SqlValue::of(d.unit_id),
                            SqlValue::of(d.created_by), SqlValue::of(d.created_at)};
    auto inserted = db.query(
        "INSERT INTO award_dossiers (plan_id, period, award, subject_kind, subject_id, unit_id, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        row, [&](const SqlRow& r) { d.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());
    return d;
}

nlohmann::json upload_json(const DossierUpload& u) {
    return {{"upload", u.id},
            {"document", u.document},
            {"file", u.file.id},
            {"name", u.file.name},
            {"sha256", u.file.sha256},
            {"withdrawn", u.withdrawn},
            {"reason", u.withdraw_reason}};
}

}  // namespace

Result<std::vector<DossierRecord>> list_dossier_records(SqlConnection& db,
                                                        const std::string& plan_id,
                                                        const std::string& period) {
    const SqlValue params[] = {SqlValue::of(plan_id), SqlValue::of(period)};
    constexpr std::string_view where = "d.plan_id = $1 AND d.period = $2";
    std::vector<DossierRecord> out;
    auto done = db.query(fmt::format("SELECT {} FROM award_dossiers d WHERE {} ORDER BY d.id",
                                     kDossierColumns, where),
                         params, [&](const SqlRow& r) { out.push_back(record_of(r)); });
    if (!done) return tl::unexpected(done.error());
    if (auto r = fill_history(db, out, where, params); !r) return tl::unexpected(r.error());
    return out;
}

Result<std::optional<DossierRecord>> find_dossier_record(SqlConnection& db, const DossierKey& key) {
    return find_record(db, key);
}

Result<std::optional<DossierUpload>> add_dossier_upload(SqlConnection& db, const DossierKey& key,
                                                        const std::string& unit_id,
                                                        const std::string& expected_status,
                                                        const std::string& document,
                                                        StoredFile file) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto record = find_or_create(db, key, unit_id, file.uploaded_by);
    if (!record) return tl::unexpected(record.error());
    if (record->status() != expected_status) return std::optional<DossierUpload>();
    auto stored = insert_stored_file(db, std::move(file));
    if (!stored) return tl::unexpected(stored.error());
    DossierUpload u;
    u.document = document;
    u.uploaded_by = stored->uploaded_by;
    u.uploaded_at = stored->uploaded_at;
    stored->content.clear();
    u.file = std::move(*stored);
    const SqlValue row[] = {SqlValue::of(record->id), SqlValue::of(u.document),
                            SqlValue::of(u.file.id), SqlValue::of(u.uploaded_by),
                            SqlValue::of(u.uploaded_at)};
    auto inserted = db.query(
        "INSERT INTO dossier_uploads (dossier_id, document, file_id, uploaded_by, uploaded_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        row, [&](const SqlRow& r) { u.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {
        {"dossier", key_json(key)}, {"before", nullptr}, {"after", upload_json(u)}};
    if (auto r = append_audit_entry(db, {0, u.uploaded_at, u.uploaded_by, "dossier-upload",
                                         audit_subject(key), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<DossierUpload>(std::move(u));
}

Result<std::optional<DossierUpload>> withdraw_dossier_upload(
    SqlConnection& db, const DossierKey& key, int64_t upload_id, const std::string& expected_status,
    const std::string& reason, const std::string& user) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto record = find_record(db, key);
    if (!record) return tl::unexpected(record.error());
    if (!*record || (*record)->status() != expected_status) return std::optional<DossierUpload>();
    DossierUpload* found = nullptr;
    for (DossierUpload& u : (*record)->uploads)
        if (u.id == upload_id && !u.withdrawn) found = &u;
    if (found == nullptr) return std::optional<DossierUpload>();
    const DossierUpload before = *found;
    found->withdrawn = true;
    found->withdrawn_by = user;
    found->withdrawn_at = utc_now();
    found->withdraw_reason = reason;
    const SqlValue row[] = {SqlValue::of(upload_id), SqlValue::of(reason), SqlValue::of(user),
                            SqlValue::of(found->withdrawn_at)};
    auto inserted = db.run(
        "INSERT INTO dossier_upload_withdrawals (upload_id, reason, withdrawn_by, withdrawn_at) "
        "VALUES ($1, $2, $3, $4)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"dossier", key_json(key)},
                             {"before", upload_json(before)},
                             {"after", upload_json(*found)}};
    if (auto r = append_audit_entry(db, {0, found->withdrawn_at, user, "dossier-withdraw",
                                         audit_subject(key), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<DossierUpload>(*found);
}

Result<std::optional<DossierRecord>> add_dossier_event(SqlConnection& db, const DossierKey& key,
                                                       const std::string& unit_id, DossierEvent e) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto record = find_or_create(db, key, unit_id, e.by);
    if (!record) return tl::unexpected(record.error());
    if (record->status() != e.from_status) return std::optional<DossierRecord>();
    e.at = utc_now();
    e.on = vietnam_today().iso();
    const SqlValue row[] = {SqlValue::of(record->id),
                            SqlValue::of(e.from_status),
                            SqlValue::of(e.to_status),
                            SqlValue::of(e.reason),
                            SqlValue::of(e.decision_number),
                            SqlValue::of(e.decision_date),
                            SqlValue::of(e.by),
                            SqlValue::of(e.at),
                            SqlValue::of(e.on)};
    auto inserted = db.query(
        "INSERT INTO dossier_events (dossier_id, from_status, to_status, reason, "
        "decision_number, decision_date, event_by, event_at, event_on) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9) RETURNING id",
        row, [&](const SqlRow& r) { e.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"dossier", key_json(key)},
                             {"before", {{"status", e.from_status}}},
                             {"after",
                              {{"status", e.to_status},
                               {"reason", e.reason},
                               {"decision_number", e.decision_number},
                               {"decision_date", e.decision_date}}}};
    if (auto r = append_audit_entry(
            db, {0, e.at, e.by, "dossier-status", audit_subject(key), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    record->events.push_back(std::move(e));
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<DossierRecord>(std::move(*record));
}

Result<std::vector<FileUse>> stored_file_uses(SqlConnection& db, int64_t file_id) {
    std::vector<FileUse> out;
    const SqlValue key[] = {SqlValue::of(file_id)};
    auto done = db.query(
        "SELECT DISTINCT d.plan_id, d.period, d.award, d.subject_kind, d.subject_id, d.unit_id, "
        "0 FROM dossier_uploads u JOIN award_dossiers d ON d.id = u.dossier_id WHERE u.file_id = "
        "$1 UNION ALL SELECT '', '', '', '', '', t.unit_id, t.id FROM task_evidence e JOIN "
        "par_tasks t ON t.id = e.task_id WHERE e.file_id = $1",
        key, [&](const SqlRow& r) {
            out.push_back({{std::string(r.text(0)), std::string(r.text(1)), std::string(r.text(2)),
                            std::string(r.text(3)), std::string(r.text(4))},
                           std::string(r.text(5)),
                           r.integer(6)});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store

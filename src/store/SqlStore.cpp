#include "store/SqlStore.h"

#include <nlohmann/json.hpp>

#include "store/Attestations.h"
#include "store/AuditLog.h"
#include "store/CouncilDecisions.h"
#include "store/DatasetImport.h"
#include "store/DatasetLoad.h"
#include "store/Directory.h"
#include "store/DossierRecords.h"
#include "store/ForwardedProposals.h"
#include "store/FreshStoreJournal.h"
#include "store/Migrator.h"
#include "store/NameIndex.h"
#include "store/Notifications.h"
#include "store/ParTasks.h"
#include "store/PlanTemplates.h"
#include "store/PlanVersions.h"
#include "store/RegistrationEntries.h"
#include "store/StoredFiles.h"
#include "store/TaskEvidence.h"

namespace thidua::store {
namespace {

std::string report_json(const ImportReport& report, const ImportOptions& options) {
    nlohmann::json tables = nlohmann::json::object();
    for (const TableCounts& t : report.tables)
        tables[t.table] = {{"inserted", t.inserted},
                           {"updated", t.updated},
                           {"unchanged", t.unchanged},
                           {"removed", t.removed}};
    return nlohmann::json{{"source", options.source}, {"tables", tables}}.dump();
}

}  // namespace

Result<std::unique_ptr<Store>> SqlStore::open(std::unique_ptr<SqlConnection> db) {
    auto version = migrate(*db);
    if (!version) return tl::unexpected(version.error());
    if (auto r = refresh_sort_keys(*db); !r) return tl::unexpected(r.error());
    return std::unique_ptr<Store>(new SqlStore(std::move(db), *version));
}

tl::expected<ImportReport, StoreError> SqlStore::import_dataset(const Dataset& data,
                                                                const ImportOptions& options) {
    FreshStoreJournal journal(*m_db);
    if (auto r = journal.begin(); !r) return tl::unexpected(r.error());
    Transaction tx(*m_db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    if (auto r = m_db->lock_imports(); !r) return tl::unexpected(r.error());
    auto report = import_rows(*m_db, data, options.plan_id);
    if (!report) return report;
    const AuditEntry entry{
        0, {}, options.user, "import", options.source, report_json(*report, options)};
    if (auto r = append_audit_entry(*m_db, entry); !r) return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return report;
}

tl::expected<Dataset, StoreError> SqlStore::load_dataset() {
    return load(std::nullopt);
}

tl::expected<Dataset, StoreError> SqlStore::load_dataset_for_plan(const std::string& plan_id) {
    return load(plan_id);
}

tl::expected<Dataset, StoreError> SqlStore::load_unit_lineage() {
    if (auto r = m_db->exec_script("BEGIN"); !r) return tl::unexpected(r.error());
    auto data = load_lineage_rows(*m_db);
    m_db->rollback();
    return data;
}

tl::expected<int64_t, StoreError> SqlStore::data_generation() {
    int64_t value = 0;
    auto done = m_db->query("SELECT value FROM data_generation WHERE id = 1", {},
                            [&](const SqlRow& r) { value = r.integer(0); });
    if (!done) return tl::unexpected(done.error());
    return value;
}

tl::expected<Dataset, StoreError> SqlStore::load(const std::optional<std::string>& plan_id) {
    // One read transaction: a concurrent import is seen whole or not at all.
    if (auto r = m_db->exec_script("BEGIN"); !r) return tl::unexpected(r.error());
    auto data = load_rows(*m_db, plan_id);
    m_db->rollback();
    return data;
}

tl::expected<PlanVersion, StoreError> SqlStore::save_plan(const std::string& plan_id,
                                                          const std::string& text,
                                                          const std::string& user) {
    return save_plan_version(*m_db, plan_id, text, user);
}

tl::expected<std::optional<PlanVersion>, StoreError> SqlStore::find_plan(
    const std::string& plan_id, std::optional<int> version) {
    return find_plan_version(*m_db, plan_id, version);
}

tl::expected<std::vector<NameEntry>, StoreError> SqlStore::list_names(const NameQuery& query) {
    return store::list_names(*m_db, query);
}

tl::expected<std::vector<AuditEntry>, StoreError> SqlStore::find_audit(const AuditQuery& q) {
    return find_audit_entries(*m_db, q);
}

tl::expected<AddedRegistration, StoreError> SqlStore::add_registration(RegistrationEntry entry) {
    return add_registration_entry(*m_db, std::move(entry));
}

tl::expected<std::optional<RegistrationEntry>, StoreError> SqlStore::decide_registration(
    const RegistrationEntry& key, const std::string& decision, const std::string& reason,
    const std::string& user) {
    return decide_registration_entry(*m_db, key, decision, reason, user);
}

tl::expected<std::vector<RegistrationEntry>, StoreError> SqlStore::registrations(
    const std::string& plan_id, const std::string& period) {
    return list_registration_entries(*m_db, plan_id, period);
}

tl::expected<Attestation, StoreError> SqlStore::save_attestation(Attestation a) {
    return store::save_attestation(*m_db, std::move(a));
}

tl::expected<std::vector<Attestation>, StoreError> SqlStore::attestations(
    const std::string& subject_kind, const std::string& subject_id) {
    return latest_attestations(*m_db, subject_kind, subject_id);
}

tl::expected<ParTask, StoreError> SqlStore::add_par_task(ParTask t) {
    return store::add_par_task(*m_db, std::move(t));
}

tl::expected<std::optional<ParTask>, StoreError> SqlStore::update_par_task(ParTask t) {
    return store::update_par_task(*m_db, std::move(t));
}

tl::expected<std::optional<ParTask>, StoreError> SqlStore::par_task(int64_t id) {
    return find_par_task(*m_db, id);
}

tl::expected<std::vector<ParTask>, StoreError> SqlStore::par_tasks(const std::string& unit_id,
                                                                   int year) {
    return list_par_tasks(*m_db, unit_id, year);
}

tl::expected<TaskCompletionOverride, StoreError> SqlStore::save_task_completion_override(
    TaskCompletionOverride o) {
    return store::save_task_completion_override(*m_db, std::move(o));
}

tl::expected<std::vector<TaskCompletionOverride>, StoreError> SqlStore::task_completion_overrides(
    const std::string& unit_id) {
    return latest_task_completion_overrides(*m_db, unit_id);
}

tl::expected<ForwardedProposal, StoreError> SqlStore::save_forwarded_proposal(ForwardedProposal p) {
    return store::save_forwarded_proposal(*m_db, std::move(p));
}

tl::expected<std::vector<ForwardedProposal>, StoreError> SqlStore::forwarded_proposals(
    const std::string& plan_id, const std::string& period) {
    return latest_forwarded_proposals(*m_db, plan_id, period);
}

tl::expected<TaskEvidence, StoreError> SqlStore::add_task_evidence(int64_t task_id,
                                                                   StoredFile file) {
    return store::add_task_evidence(*m_db, task_id, std::move(file));
}

tl::expected<std::optional<TaskEvidence>, StoreError> SqlStore::withdraw_task_evidence(
    int64_t evidence_id, const std::string& reason, const std::string& user) {
    return store::withdraw_task_evidence(*m_db, evidence_id, reason, user);
}

tl::expected<std::vector<TaskEvidence>, StoreError> SqlStore::task_evidence(
    const std::string& unit_id, int year) {
    return list_task_evidence(*m_db, unit_id, year);
}

tl::expected<bool, StoreError> SqlStore::add_notification(Notification n) {
    return store::add_notification(*m_db, std::move(n));
}

tl::expected<std::vector<Notification>, StoreError> SqlStore::notifications(
    const std::string& username, bool unread_only, int limit) {
    return list_notifications(*m_db, username, unread_only, limit);
}

tl::expected<bool, StoreError> SqlStore::mark_notification_read(int64_t id,
                                                                const std::string& username) {
    return store::mark_notification_read(*m_db, id, username);
}

tl::expected<std::vector<Notification>, StoreError> SqlStore::unmailed_notifications(int limit) {
    return store::unmailed_notifications(*m_db, limit);
}

tl::expected<void, StoreError> SqlStore::mark_notification_mailed(int64_t id,
                                                                  const std::string& error) {
    return store::mark_notification_mailed(*m_db, id, error);
}

tl::expected<CouncilChoice, StoreError> SqlStore::save_council_decision(const std::string& plan_id,
                                                                        const std::string& period,
                                                                        CouncilChoice choice) {
    return store::save_council_decision(*m_db, plan_id, period, std::move(choice));
}

tl::expected<std::vector<CouncilChoice>, StoreError> SqlStore::council_decisions(
    const std::string& plan_id, const std::string& period) {
    return latest_council_decisions(*m_db, plan_id, period);
}

tl::expected<StoredFile, StoreError> SqlStore::save_file(StoredFile file) {
    Transaction tx(*m_db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto saved = insert_stored_file(*m_db, std::move(file));
    if (!saved) return saved;
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return saved;
}

tl::expected<std::optional<StoredFile>, StoreError> SqlStore::find_file(int64_t id,
                                                                        bool with_content) {
    return find_stored_file(*m_db, id, with_content);
}

tl::expected<std::vector<FileUse>, StoreError> SqlStore::file_uses(int64_t id) {
    return stored_file_uses(*m_db, id);
}

tl::expected<std::vector<DossierRecord>, StoreError> SqlStore::dossier_records(
    const std::string& plan_id, const std::string& period) {
    return list_dossier_records(*m_db, plan_id, period);
}

tl::expected<std::optional<DossierRecord>, StoreError> SqlStore::find_dossier(
    const DossierKey& key) {
    return find_dossier_record(*m_db, key);
}

tl::expected<std::optional<DossierUpload>, StoreError> SqlStore::add_dossier_upload(
    const DossierKey& key, const std::string& unit_id, const std::string& expected_status,
    const std::string& document, StoredFile file) {
    return store::add_dossier_upload(*m_db, key, unit_id, expected_status, document,
                                     std::move(file));
}

tl::expected<std::optional<DossierUpload>, StoreError> SqlStore::withdraw_dossier_upload(
    const DossierKey& key, int64_t upload_id, const std::string& expected_status,
    const std::string& reason, const std::string& user) {
    return store::withdraw_dossier_upload(*m_db, key, upload_id, expected_status, reason, user);
}

tl::expected<std::optional<DossierRecord>, StoreError> SqlStore::add_dossier_event(
    const DossierKey& key, const std::string& unit_id, DossierEvent event) {
    return store::add_dossier_event(*m_db, key, unit_id, std::move(event));
}

tl::expected<PlanTemplate, StoreError> SqlStore::save_plan_template(PlanTemplate t) {
    return store::save_plan_template(*m_db, std::move(t));
}

tl::expected<std::optional<PlanTemplate>, StoreError> SqlStore::find_plan_template(
    const std::string& plan_id, const std::string& form) {
    return store::find_plan_template(*m_db, plan_id, form);
}

tl::expected<std::vector<PlanTemplate>, StoreError> SqlStore::plan_templates(
    const std::string& plan_id) {
    return list_plan_templates(*m_db, plan_id);
}

tl::expected<std::vector<PlanVersion>, StoreError> SqlStore::latest_plans() {
    return latest_plan_versions(*m_db);
}

tl::expected<std::vector<PlanVersion>, StoreError> SqlStore::plan_versions(
    const std::string& plan_id) {
    return list_plan_versions(*m_db, plan_id);
}

tl::expected<std::vector<UnitRecord>, StoreError> SqlStore::list_units() {
    return store::list_units(*m_db);
}

tl::expected<std::vector<PersonRecord>, StoreError> SqlStore::list_people(
    const PeopleQuery& query) {
    return store::list_people(*m_db, query);
}

tl::expected<std::vector<UnitYearRecord>, StoreError> SqlStore::list_unit_years(
    const UnitYearQuery& query) {
    return store::list_unit_years(*m_db, query);
}

tl::expected<void, StoreError> SqlStore::append_audit(const AuditEntry& entry) {
    return append_audit_entry(*m_db, entry);
}

tl::expected<std::vector<AuditEntry>, StoreError> SqlStore::audit_log() {
    return read_audit_log(*m_db);
}

}  // namespace thidua::store

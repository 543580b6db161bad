#pragma once
// The Store over any SqlConnection: the schema, import, load, plans, names, audit log and accounts
// are the same SQL on SQLite and PostgreSQL; only the connection (and its bulk path) differs.

#include <memory>

#include "store/SqlAccountStore.h"
#include "store/SqlConnection.h"
#include "store/Store.h"

namespace thidua::store {

class SqlStore final : public Store {
public:
    // Migrates the database and refreshes name sort keys made by another ICU version.
    static Result<std::unique_ptr<Store>> open(std::unique_ptr<SqlConnection> db);

    std::string_view engine() const override { return m_db->engine(); }
    int schema_version() const override { return m_version; }
    tl::expected<ImportReport, StoreError> import_dataset(const Dataset& data,
                                                          const ImportOptions& options) override;
    tl::expected<Dataset, StoreError> load_dataset() override;
    tl::expected<Dataset, StoreError> load_dataset_for_plan(const std::string& plan_id) override;
    tl::expected<Dataset, StoreError> load_unit_lineage() override;
    tl::expected<int64_t, StoreError> data_generation() override;
    tl::expected<PlanVersion, StoreError> save_plan(const std::string& plan_id,
                                                    const std::string& text,
                                                    const std::string& user) override;
    tl::expected<std::optional<PlanVersion>, StoreError> find_plan(
        const std::string& plan_id, std::optional<int> version) override;
    tl::expected<std::vector<PlanVersion>, StoreError> latest_plans() override;
    tl::expected<std::vector<PlanVersion>, StoreError> plan_versions(
        const std::string& plan_id) override;
    tl::expected<std::vector<UnitRecord>, StoreError> list_units() override;
    tl::expected<std::vector<PersonRecord>, StoreError> list_people(
        const PeopleQuery& query) override;
    tl::expected<std::vector<UnitYearRecord>, StoreError> list_unit_years(
        const UnitYearQuery& query) override;
    tl::expected<std::vector<NameEntry>, StoreError> list_names(const NameQuery& query) override;
    tl::expected<void, StoreError> append_audit(const AuditEntry& entry) override;
    tl::expected<std::vector<AuditEntry>, StoreError> audit_log() override;
    tl::expected<std::vector<AuditEntry>, StoreError> find_audit(const AuditQuery& q) override;
    tl::expected<AddedRegistration, StoreError> add_registration(RegistrationEntry entry) override;
    tl::expected<std::optional<RegistrationEntry>, StoreError> decide_registration(
        const RegistrationEntry& key, const std::string& decision, const std::string& reason,
        const std::string& user) override;
    tl::expected<std::vector<RegistrationEntry>, StoreError> registrations(
        const std::string& plan_id, const std::string& period) override;
    tl::expected<Attestation, StoreError> save_attestation(Attestation a) override;
    tl::expected<std::vector<Attestation>, StoreError> attestations(
        const std::string& subject_kind, const std::string& subject_id) override;
    tl::expected<ParTask, StoreError> add_par_task(ParTask t) override;
    tl::expected<std::optional<ParTask>, StoreError> update_par_task(ParTask t) override;
    tl::expected<std::optional<ParTask>, StoreError> par_task(int64_t id) override;
    tl::expected<std::vector<ParTask>, StoreError> par_tasks(const std::string& unit_id,
                                                             int year) override;
    tl::expected<TaskCompletionOverride, StoreError> save_task_completion_override(
        TaskCompletionOverride o) override;
    tl::expected<std::vector<TaskCompletionOverride>, StoreError> task_completion_overrides(
        const std::string& unit_id) override;
    tl::expected<ForwardedProposal, StoreError> save_forwarded_proposal(
        ForwardedProposal p) override;
    tl::expected<std::vector<ForwardedProposal>, StoreError> forwarded_proposals(
        const std::string& plan_id, const std::string& period) override;
    tl::expected<TaskEvidence, StoreError> add_task_evidence(int64_t task_id,
                                                             StoredFile file) override;
    tl::expected<bool, StoreError> add_notification(Notification n) override;
    tl::expected<std::vector<Notification>, StoreError> notifications(const std::string& username,
                                                                      bool unread_only,
                                                                      int limit) override;
    tl::expected<bool, StoreError> mark_notification_read(int64_t id,
                                                          const std::string& username) override;
    tl::expected<std::vector<Notification>, StoreError> unmailed_notifications(int limit) override;
    tl::expected<void, StoreError> mark_notification_mailed(int64_t id,
                                                            const std::string& error) override;
    tl::expected<std::optional<TaskEvidence>, StoreError> withdraw_task_evidence(
        int64_t evidence_id, const std::string& reason, const std::string& user) override;
    tl::expected<std::vector<TaskEvidence>, StoreError> task_evidence(const std::string& unit_id,
                                                                      int year) override;
    tl::expected<CouncilChoice, StoreError> save_council_decision(const std::string& plan_id,
                                                                  const std::string& period,
                                                                  CouncilChoice choice) override;
    tl::expected<std::vector<CouncilChoice>, StoreError> council_decisions(
        const std::string& plan_id, const std::string& period) override;
    tl::expected<StoredFile, StoreError> save_file(StoredFile file) override;
    tl::expected<std::optional<StoredFile>, StoreError> find_file(int64_t id,
                                                                  bool with_content) override;
    tl::expected<std::vector<FileUse>, StoreError> file_uses(int64_t id) override;

    tl::expected<std::vector<DossierRecord>, StoreError> dossier_records(
        const std::string& plan_id, const std::string& period) override;
    tl::expected<std::optional<DossierRecord>, StoreError> find_dossier(
        const DossierKey& key) override;
    tl::expected<std::optional<DossierUpload>, StoreError> add_dossier_upload(
        const DossierKey& key, const std::string& unit_id, const std::string& expected_status,
        const std::string& document, StoredFile file) override;
    tl::expected<std::optional<DossierUpload>, StoreError> withdraw_dossier_upload(
        const DossierKey& key, int64_t upload_id, const std::string& expected_status,
        const std::string& reason, const std::string& user) override;
    tl::expected<std::optional<DossierRecord>, StoreError> add_dossier_event(
        const DossierKey& key, const std::string& unit_id, DossierEvent event) override;

    tl::expected<PlanTemplate, StoreError> save_plan_template(PlanTemplate t) override;
    tl::expected<std::optional<PlanTemplate>, StoreError> find_plan_template(
        const std::string& plan_id, const std::string& form) override;
    tl::expected<std::vector<PlanTemplate>, StoreError> plan_templates(
        const std::string& plan_id) override;
    AccountStore& accounts() override { return m_accounts; }

private:
    SqlStore(std::unique_ptr<SqlConnection> db, int version)
        : m_db(std::move(db)), m_version(version), m_accounts(*m_db) {}

    tl::expected<Dataset, StoreError> load(const std::optional<std::string>& plan_id);

    std::unique_ptr<SqlConnection> m_db;
    int m_version = 0;
    SqlAccountStore m_accounts;  // after m_db, which it uses
};

}  // namespace thidua::store

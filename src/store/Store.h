#pragma once
// The persistent store: everything thidua knows, in SQLite (one office PC) or PostgreSQL (a
// shared server), behind one interface so that callers never know which. open_store() applies
// pending schema migrations before it returns.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "eval/CouncilChoice.h"
#include "model/Dataset.h"
#include "store/AccountStore.h"
#include "store/DirectoryTypes.h"
#include "store/StoreTypes.h"

namespace thidua {

class Store {
public:
    virtual ~Store() = default;

    // "sqlite" or "postgresql".
    virtual std::string_view engine() const = 0;
    virtual int schema_version() const = 0;

    // All or nothing, in one transaction: units and people upserted by id, yearly facts by
    // (subject, year), registrations, events and dossiers by their natural keys.
    virtual tl::expected<ImportReport, StoreError> import_dataset(const Dataset& data,
                                                                  const ImportOptions& options) = 0;
    // The whole store as the engine's Dataset: one query per table.
    virtual tl::expected<Dataset, StoreError> load_dataset() = 0;
    // The same, with only the registrations, events and dossiers imported for this plan or for
    // no plan: what evaluating the plan reads.
    virtual tl::expected<Dataset, StoreError> load_dataset_for_plan(const std::string& plan_id) = 0;
    // Only the units with their dates and predecessors (lineage.csv): enough for who came
    // before or after a unit and whether a plan's issuer still exists, without the yearly facts.
    virtual tl::expected<Dataset, StoreError> load_unit_lineage() = 0;

    // A number that grows, in the writing transaction, with every change that can alter an
    // evaluation (imports, plan versions, the workflow's records; Migrations.cpp step 15). Equal
    // numbers mean equal data, on every server sharing the database: what caches key on.
    virtual tl::expected<int64_t, StoreError> data_generation() = 0;

    // A new version of the plan unless the text equals the latest one.
    virtual tl::expected<PlanVersion, StoreError> save_plan(const std::string& plan_id,
                                                            const std::string& text,
                                                            const std::string& user) = 0;
    // The latest version when `version` is empty; nullopt when there is no such plan.
    virtual tl::expected<std::optional<PlanVersion>, StoreError> find_plan(
        const std::string& plan_id, std::optional<int> version) = 0;
    // The latest version of every stored plan, by plan id.
    virtual tl::expected<std::vector<PlanVersion>, StoreError> latest_plans() = 0;
    // Every version of one plan, newest first, without the text.
    virtual tl::expected<std::vector<PlanVersion>, StoreError> plan_versions(
        const std::string& plan_id) = 0;

    // Units or people in Vietnamese collation order, optionally filtered by a search that
    // ignores case and diacritics.
    virtual tl::expected<std::vector<NameEntry>, StoreError> list_names(const NameQuery& query) = 0;

    // Every unit in Vietnamese collation order.
    virtual tl::expected<std::vector<UnitRecord>, StoreError> list_units() = 0;
    virtual tl::expected<std::vector<PersonRecord>, StoreError> list_people(
        const PeopleQuery& query) = 0;
    virtual tl::expected<std::vector<UnitYearRecord>, StoreError> list_unit_years(
        const UnitYearQuery& query) = 0;

    virtual tl::expected<void, StoreError> append_audit(const AuditEntry& entry) = 0;
    virtual tl::expected<std::vector<AuditEntry>, StoreError> audit_log() = 0;
    virtual tl::expected<std::vector<AuditEntry>, StoreError> find_audit(const AuditQuery& q) = 0;

    // Registrations made in the application (store/RegistrationEntries.h).
    virtual tl::expected<AddedRegistration, StoreError> add_registration(
        RegistrationEntry entry) = 0;
    virtual tl::expected<std::optional<RegistrationEntry>, StoreError> decide_registration(
        const RegistrationEntry& key, const std::string& decision, const std::string& reason,
        const std::string& user) = 0;
    virtual tl::expected<std::vector<RegistrationEntry>, StoreError> registrations(
        const std::string& plan_id, const std::string& period) = 0;

    // Attestations of council-judged facts (store/Attestations.h); `subject_*` empty: all.
    virtual tl::expected<Attestation, StoreError> save_attestation(Attestation a) = 0;
    virtual tl::expected<std::vector<Attestation>, StoreError> attestations(
        const std::string& subject_kind, const std::string& subject_id) = 0;
    // Units' PAR tasks and overrides of their completion rate (store/ParTasks.h).
    virtual tl::expected<ParTask, StoreError> add_par_task(ParTask t) = 0;
    virtual tl::expected<std::optional<ParTask>, StoreError> update_par_task(ParTask t) = 0;
    virtual tl::expected<std::optional<ParTask>, StoreError> par_task(int64_t id) = 0;
    virtual tl::expected<std::vector<ParTask>, StoreError> par_tasks(const std::string& unit_id,
                                                                     int year) = 0;
    virtual tl::expected<TaskCompletionOverride, StoreError> save_task_completion_override(
        TaskCompletionOverride o) = 0;
    virtual tl::expected<std::vector<TaskCompletionOverride>, StoreError> task_completion_overrides(
        const std::string& unit_id) = 0;

    // Nominations forwarded from sub-plans (store/ForwardedProposals.h).
    virtual tl::expected<ForwardedProposal, StoreError> save_forwarded_proposal(
        ForwardedProposal p) = 0;
    virtual tl::expected<std::vector<ForwardedProposal>, StoreError> forwarded_proposals(
        const std::string& plan_id, const std::string& period) = 0;

    // Evidence files of PAR tasks (store/TaskEvidence.h).
    virtual tl::expected<TaskEvidence, StoreError> add_task_evidence(int64_t task_id,
                                                                     StoredFile file) = 0;

    // Reminders per user (store/Notifications.h).
    virtual tl::expected<bool, StoreError> add_notification(Notification n) = 0;
    virtual tl::expected<std::vector<Notification>, StoreError> notifications(
        const std::string& username, bool unread_only, int limit) = 0;
    virtual tl::expected<bool, StoreError> mark_notification_read(int64_t id,
                                                                  const std::string& username) = 0;
    virtual tl::expected<std::vector<Notification>, StoreError> unmailed_notifications(
        int limit) = 0;
    virtual tl::expected<void, StoreError> mark_notification_mailed(int64_t id,
                                                                    const std::string& error) = 0;
    virtual tl::expected<std::optional<TaskEvidence>, StoreError> withdraw_task_evidence(
        int64_t evidence_id, const std::string& reason, const std::string& user) = 0;
    virtual tl::expected<std::vector<TaskEvidence>, StoreError> task_evidence(
        const std::string& unit_id, int year) = 0;

    // The council's decisions on groups' selections (store/CouncilDecisions.h).
    virtual tl::expected<CouncilChoice, StoreError> save_council_decision(
        const std::string& plan_id, const std::string& period, CouncilChoice choice) = 0;
    virtual tl::expected<std::vector<CouncilChoice>, StoreError> council_decisions(
        const std::string& plan_id, const std::string& period) = 0;

    // Uploaded files (store/StoredFiles.h): saved once, never changed or deleted.
    virtual tl::expected<StoredFile, StoreError> save_file(StoredFile file) = 0;
    virtual tl::expected<std::optional<StoredFile>, StoreError> find_file(int64_t id,
                                                                          bool with_content) = 0;
    // The dossiers a file was uploaded to.
    virtual tl::expected<std::vector<FileUse>, StoreError> file_uses(int64_t id) = 0;

    // Award dossiers kept in the application (store/DossierRecords.h). The changes return nullopt
    // when the status is no longer the one the caller checked (`expected_status`, e.from_status)
    // or, for a withdrawal, when the upload is not a current one.
    virtual tl::expected<std::vector<DossierRecord>, StoreError> dossier_records(
        const std::string& plan_id, const std::string& period) = 0;
    virtual tl::expected<std::optional<DossierRecord>, StoreError> find_dossier(
        const DossierKey& key) = 0;
    virtual tl::expected<std::optional<DossierUpload>, StoreError> add_dossier_upload(
        const DossierKey& key, const std::string& unit_id, const std::string& expected_status,
        const std::string& document, StoredFile file) = 0;
    virtual tl::expected<std::optional<DossierUpload>, StoreError> withdraw_dossier_upload(
        const DossierKey& key, int64_t upload_id, const std::string& expected_status,
        const std::string& reason, const std::string& user) = 0;
    virtual tl::expected<std::optional<DossierRecord>, StoreError> add_dossier_event(
        const DossierKey& key, const std::string& unit_id, DossierEvent event) = 0;

    // Document templates uploaded per plan (see store/PlanTemplates.h): an upload or, with empty
    // content, a return to the default; the latest version of one kind; the latest of each kind.
    virtual tl::expected<PlanTemplate, StoreError> save_plan_template(PlanTemplate t) = 0;
    virtual tl::expected<std::optional<PlanTemplate>, StoreError> find_plan_template(
        const std::string& plan_id, const std::string& form) = 0;
    virtual tl::expected<std::vector<PlanTemplate>, StoreError> plan_templates(
        const std::string& plan_id) = 0;

    // Users, sessions, API tokens and login throttling, on the same connection: not to be used
    // from another thread than the store's, and valid as long as the store.
    virtual AccountStore& accounts() = 0;
};

// `sqlite:PATH` or `postgresql://…` (also `postgres://…`).
tl::expected<std::unique_ptr<Store>, StoreError> open_store(std::string_view url);

}  // namespace thidua

#pragma once
// The award dossiers kept in the application (issue 6, item 4): one record per selected
// candidate, made on its first action; an append-only status path (the latest event is the
// status); uploads of files against the plan's documents, withdrawn by a record of their own.
// Nothing is updated or deleted. Every change is audited with its before and after.
//
// The rules (who may do what, completeness) are the caller's (eval/DossierWorkflow); the store
// only refuses a change made on a status that moved meanwhile (`expected_status`), so that two
// officers acting at once cannot both pass the check.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// Every dossier record of a plan's period, with events and uploads (files without content).
Result<std::vector<DossierRecord>> list_dossier_records(SqlConnection& db,
                                                        const std::string& plan_id,
                                                        const std::string& period);
Result<std::optional<DossierRecord>> find_dossier_record(SqlConnection& db, const DossierKey& key);

// Files `file` (content checked by the caller) against `document`, creating the record with
// `unit_id` when there is none. Nullopt when the status is no longer `expected_status`.
Result<std::optional<DossierUpload>> add_dossier_upload(SqlConnection& db, const DossierKey& key,
                                                        const std::string& unit_id,
                                                        const std::string& expected_status,
                                                        const std::string& document,
                                                        StoredFile file);

// Marks an upload withdrawn. Nullopt when the status is no longer `expected_status` or the
// upload is not a current one of this dossier.
Result<std::optional<DossierUpload>> withdraw_dossier_upload(
    SqlConnection& db, const DossierKey& key, int64_t upload_id, const std::string& expected_status,
    const std::string& reason, const std::string& user);

// Appends `e` (from `e.from_status`, which must still be the status; by, reason, decision set by
// the caller; at and on set here), creating the record with `unit_id` when there is none.
// Nullopt when the status moved.
Result<std::optional<DossierRecord>> add_dossier_event(SqlConnection& db, const DossierKey& key,
                                                       const std::string& unit_id, DossierEvent e);

// The dossiers a stored file was uploaded to.
Result<std::vector<FileUse>> stored_file_uses(SqlConnection& db, int64_t file_id);

}  // namespace thidua::store

#pragma once
// Evidence files of PAR tasks: a file attached is stored once (StoredFiles) and linked to the
// task; a withdrawal is a row of its own. Both audited; nothing updated or deleted.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// Stores the file and links it to the task, in one transaction.
Result<TaskEvidence> add_task_evidence(SqlConnection& db, int64_t task_id, StoredFile file);
// Nullopt when the task has no such evidence or it was already withdrawn.
Result<std::optional<TaskEvidence>> withdraw_task_evidence(SqlConnection& db, int64_t evidence_id,
                                                           const std::string& reason,
                                                           const std::string& user);
// The evidence of a unit's tasks of a year, withdrawn included, in the order added.
Result<std::vector<TaskEvidence>> list_task_evidence(SqlConnection& db, const std::string& unit_id,
                                                     int year);

}  // namespace thidua::store

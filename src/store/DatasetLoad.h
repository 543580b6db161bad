#pragma once
// The store's tables back into the engine's Dataset, by one query per table in the order rows
// were first imported, so that evaluating from the store gives the same answer as from files.

#include <optional>
#include <string>
#include "model/Dataset.h"

#include "store/SqlConnection.h"

namespace thidua::store {

// `plan_id`: registrations, events and dossiers of that plan and of none; nullopt: all.
Result<Dataset> load_rows(SqlConnection& db, const std::optional<std::string>& plan_id);

// Units and their predecessors only (no people, no yearly facts).
Result<Dataset> load_lineage_rows(SqlConnection& db);

}  // namespace thidua::store

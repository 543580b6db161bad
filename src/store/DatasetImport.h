#pragma once
// A Dataset into the store's tables, inside the caller's transaction: every table staged in
// bulk and merged by its key (see StagedMerge). Re-importing the same dataset changes no row.

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

// `plan_id`: the plan registrations, events and dossiers belong to ('' for every plan).
Result<ImportReport> import_rows(SqlConnection& db, const Dataset& data,
                                 const std::string& plan_id);

}  // namespace thidua::store

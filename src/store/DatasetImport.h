#pragma once
// A Dataset into the store's tables, inside the caller's transaction: every table staged in
// bulk and merged by its key (see StagedMerge). Re-importing the same dataset changes no row.

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

Result<ImportReport> import_rows(SqlConnection& db, const Dataset& data);

}  // namespace thidua::store

#pragma once
// The store's tables back into the engine's Dataset, by one query per table in the order rows
// were first imported, so that evaluating from the store gives the same answer as from files.

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

Result<Dataset> load_rows(SqlConnection& db);

}  // namespace thidua::store

#pragma once
// A Dataset into the store's tables, inside the caller's transaction: every table staged in
// bulk and merged by its key (see StagedMerge), or loaded straight in while it is empty.
// Re-importing the same dataset changes no row.

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

// How a table that holds no row yet (a fresh store, a file never imported before) is filled.
enum class EmptyTables {
    // Straight into the table by the engine's bulk path, its secondary indexes built after the
    // rows: every row is new, so staging and merging would only copy them twice more. Units and
    // their predecessors are always merged (a unit may name a parent listed after it).
    BulkLoad,
    // Staged and merged like any other: the same rows, more slowly (for tests to compare).
    Merge,
};

// `plan_id`: the plan registrations, events and dossiers belong to ('' for every plan).
Result<ImportReport> import_rows(SqlConnection& db, const Dataset& data, const std::string& plan_id,
                                 EmptyTables empty_tables = EmptyTables::BulkLoad);

}  // namespace thidua::store

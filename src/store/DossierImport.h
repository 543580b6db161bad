#pragma once
// Dossiers and their documents: two tables (a dossier per subject, award and period; its
// documents' metadata under it), merged from one staging table of documents.

#include <vector>

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

// Appends the counts of `dossiers` and `dossier_documents` to `out`.
Result<> import_dossiers(SqlConnection& db, const Dataset& data, const std::string& plan_id,
                         std::vector<TableCounts>& out);

}  // namespace thidua::store

#pragma once
// Names of units and people as users look for them: in Vietnamese collation order (the
// name_sort key, an ICU sort key compared as bytes) and found ignoring case and diacritics
// (name_fold, the accent-free lowercase form).

#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// A LIKE pattern matching names whose folded form contains the folded search; the user's
// wildcards are literal.
std::string like_pattern(std::string_view search);

Result<std::vector<NameEntry>> list_names(SqlConnection& db, const NameQuery& query);

// Sort keys depend on the ICU version that made them: when the store's recorded collation
// version differs from this binary's, every key is recomputed, in one transaction.
Result<> refresh_sort_keys(SqlConnection& db);

}  // namespace thidua::store

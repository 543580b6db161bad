#pragma once
// Every saved version of a plan file, numbered 1, 2, … per plan id.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// In one transaction with its audit entry; the same text as the latest version saves nothing.
Result<PlanVersion> save_plan_version(SqlConnection& db, const std::string& plan_id,
                                      const std::string& text, const std::string& user);
Result<std::optional<PlanVersion>> find_plan_version(SqlConnection& db, const std::string& plan_id,
                                                     std::optional<int> version);
// The latest version of every plan, by plan id.
Result<std::vector<PlanVersion>> latest_plan_versions(SqlConnection& db);
// Every version of one plan, newest first, without the text.
Result<std::vector<PlanVersion>> list_plan_versions(SqlConnection& db, const std::string& plan_id);

}  // namespace thidua::store

#pragma once
// Document templates per plan and kind, versioned like plan files: each upload is a version, a
// reset is a version without content, and the latest version decides.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// In one transaction with its audit entry. `t.version`, `sha256` and `saved_at` are set here.
Result<PlanTemplate> save_plan_template(SqlConnection& db, PlanTemplate t);
// The latest version for this plan and kind, with its content; nullopt: never uploaded.
Result<std::optional<PlanTemplate>> find_plan_template(SqlConnection& db,
                                                       const std::string& plan_id,
                                                       const std::string& form);
// The latest version of every kind uploaded for the plan, without content.
Result<std::vector<PlanTemplate>> list_plan_templates(SqlConnection& db,
                                                      const std::string& plan_id);

}  // namespace thidua::store

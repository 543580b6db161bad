#pragma once
// The council's decisions on a group's selection, per plan and period: each decision is a new
// version (nothing is overwritten), audited with the decision it replaced.

#include <vector>

#include "eval/CouncilChoice.h"
#include "store/SqlConnection.h"

namespace thidua::store {

// `c.decided_at` is set here.
Result<CouncilChoice> save_council_decision(SqlConnection& db, const std::string& plan_id,
                                            const std::string& period, CouncilChoice c);
// The latest decision of each award and group of the period.
Result<std::vector<CouncilChoice>> latest_council_decisions(SqlConnection& db,
                                                            const std::string& plan_id,
                                                            const std::string& period);

}  // namespace thidua::store

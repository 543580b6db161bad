#pragma once
// A stored plan as the plan page reads it: periods with their state against today, groups,
// awards with quotas, criteria in words and as written, dossier rules, deadlines.

#include <nlohmann/json.hpp>

#include "base/Date.h"
#include "base/Diagnostic.h"
#include "model/Dataset.h"
#include "plan/CompiledPlan.h"
#include "plan/Period.h"
#include "store/StoreTypes.h"

namespace thidua::web {

Date today();

// "done", "under-way" or "future".
const char* period_state(const Period& period, Date today);

// `units`: the store's units with their lineage (Store::load_unit_lineage); when given, the
// summary carries `issuer_status` (forms::issuer_status: whether the issuer was dissolved, who
// succeeds it, the warning to show before proposing awards in its name).
nlohmann::json plan_summary_json(const PlanVersion& version, const CompiledPlan& plan, Date today,
                                 const Dataset* units = nullptr);
nlohmann::json plan_detail_json(const PlanVersion& version, const CompiledPlan& plan, Date today,
                                const Dataset* units = nullptr);
// {"file","line","column","message","message_en","field","value"} of one problem.
nlohmann::json diagnostic_json(const Diagnostic& d);

}  // namespace thidua::web

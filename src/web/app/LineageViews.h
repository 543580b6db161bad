#pragma once
// The 2025 reorganisation as the pages read it: a unit's predecessors and successors followed a
// few levels both ways (the unit page draws them as a small tree across time), and whether a
// plan's issuer still exists (the warning before proposing awards in its name).

#include <string>

#include <nlohmann/json.hpp>

#include "forms/IssuerSuccession.h"
#include "model/Dataset.h"
#include "web/app/UnitScope.h"

namespace thidua::web {

// How many levels of predecessors (and of successors) a unit's lineage follows.
inline constexpr int kLineageLevels = 3;

// {active_from, active_to, closed, closed_from, main_predecessor, levels, predecessors[],
// successors[]}; each related unit {id, name, type, active_from, active_to, closed, closed_from,
// weight (of the predecessor in the merger, null when not given), main (the predecessor whose
// history continues the newer unit's), readable (the caller may open its page), and its own
// predecessors[] or successors[] one level further}. `units`: a dataset with the units and their
// predecessors (Store::load_unit_lineage). Null when the unit is not in it.
nlohmann::json unit_lineage_json(const Dataset& units, const std::string& unit_id,
                                 const UnitScope& scope, int levels = kLineageLevels);

// {dissolved, last_day, closed_from, source (none|plan|lineage), successor, successor_from,
// warning}.
nlohmann::json issuer_status_json(const forms::IssuerStatus& status);

}  // namespace thidua::web

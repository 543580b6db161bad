#pragma once
// The evaluation's side of the 2025 reorganisation: which units compete in a period, whose
// territory a successor belongs to, and what becomes of a closed unit's award. Pure.

#include <optional>
#include <string>
#include <vector>

#include "model/Dataset.h"
#include "plan/Period.h"
#include "plan/PlanSpec.h"

namespace thidua {

enum class Status : uint8_t;

// What a candidate's lineage meant for its decision; absent for units untouched by it.
struct LineageOutcome {
    // A successor whose years before it existed were read by the history rule.
    bool merged = false;
    std::vector<Index> predecessors;
    Index main_predecessor = kNoIndex;
    // Closed: judged on its own years, up to last_year.
    bool closed = false;
    std::optional<Date> closed_on;  // its last active day
    int last_year = 0;
    std::vector<Index> successors;
    Index award_to = kNoIndex;  // who receives its award (the `successor` rule)
    bool competes = true;       // false: its award lapses, or its successor stands for it
    std::string note;           // the decision in Vietnamese
    // The status under each history rule, when they disagree (the council should see it).
    bool depends_on_rule = false;
    std::vector<std::pair<HistoryRule, Status>> by_rule;
};

// The unit owns at least one year of the period (see model/Lineage.h).
bool active_in(const Unit& unit, const Period& period);

// The unit reads some year of the period from its predecessors.
bool reads_history(const Unit& unit, const Period& period);

// Widens a territory (a subtree of the unit tree) to the units that succeeded units inside it:
// the communes formed in 2025 from a town's wards stay in the town's plan.
void add_successors(const Dataset& data, std::vector<bool>& inside);

// A closed unit's outcome. `successors`: the units that replaced it; `successor_candidates`:
// those that compete in the same group and read its years, so stand for it.
LineageOutcome closed_outcome(const Dataset& data, Index unit, const LineageSpec& rules,
                              HistoryRule history, const std::vector<Index>& successors,
                              const std::vector<Index>& successor_candidates);

// A successor's outcome, before the rule comparison is filled in.
LineageOutcome merged_outcome(const Dataset& data, Index unit, HistoryRule history);

}  // namespace thidua

#pragma once
// Evaluates a compiled plan on a dataset for one period. Pure: no I/O, reads only the plan and the
// dataset. Decisions on other awards (eligible(), selected(), precedence) are computed on demand
// and remembered, so awards are decided in dependency order without the plan saying the order.

#include <memory>

#include "eval/DataIndexes.h"
#include "eval/Evaluation.h"
#include "model/Dataset.h"
#include "plan/CompiledPlan.h"

namespace thidua {

struct EvaluateOptions {
    // Record the values behind each criterion. Off for summaries over millions of candidates:
    // then a candidate's criteria stop at the first that fails (its status is decided), and
    // the ineligible are counted (GroupOutcome::unlisted_ineligible) instead of listed.
    bool trace = true;
    // Threads deciding the candidates of a large individual award once every other group is
    // allocated (each candidate is then decided from settled outcomes only). 1: this thread.
    size_t threads = 1;
    // Only candidates in this unit's subtree (people by their unit in the period's last year).
    // A store holding several provinces evaluates a plan within its issuer's territory.
    Index within = kNoIndex;
    // The council's decisions on groups of this period (at most one per award and group).
    std::vector<CouncilChoice> council;
    // Reads merged units' earlier years by this rule instead of the plan's (to compare).
    std::optional<HistoryRule> history;
    // The dataset's lookups, kept by a caller that evaluates the same dataset again (they are
    // then built once); null: built for this evaluation.
    std::shared_ptr<const DataIndexes> indexes;
};

// The plan's issuer unit in the dataset (kNoIndex when the plan names none or the data lacks it):
// what EvaluateOptions::within is set to when the data holds more than the plan's territory.
Index issuer_unit(const CompiledPlan& plan, const Dataset& data);

EvaluationResult evaluate(const CompiledPlan& plan, const Dataset& data, const Period& period,
                          const EvaluateOptions& options = {});

}  // namespace thidua

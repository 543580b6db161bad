#pragma once
// Whose facts stand for a unit in a year before it existed: a merged commune's 2021-2024 under
// the plan's history rule (plan/LineageRules.h). A unit's own years and units without
// predecessors read themselves.

#include "expr/Context.h"

namespace thidua::expr {

enum class HistoryKind : uint8_t {
    Itself,    // `unit` reads its own row for the year
    None,      // nothing stands for that year: the `own` rule, or no main predecessor known
    Weighted,  // `unit`'s predecessors combined by weight
};

struct HistorySource {
    HistoryKind kind = HistoryKind::Itself;
    Index unit = kNoIndex;  // the unit read (a predecessor, perhaps several steps back)
};

// Follows predecessors back from `unit` for ctx.year until a unit that owns the year.
HistorySource history_source(const Context& ctx, Index unit);

// A yes/no fact of predecessors by weight: yes when more than half the weight says yes, no when
// less, unknown on an exact split (the data does not decide it).
Tri weighted_vote(double yes_weight, double total_weight);

// Why nothing stands for the year, in Vietnamese, for the trace.
std::string no_history_note(const Context& ctx, Index unit);

}  // namespace thidua::expr

#pragma once
// A period of a plan: an annual round ("2023") or a phase ("2021-2025").

#include <optional>
#include <string>

#include "base/Date.h"
#include "plan/PlanSpec.h"

namespace thidua {

struct Period {
    std::string id;
    bool is_phase = false;
    int first_year = 0;
    int last_year = 0;
    Date from, to;
};

// The plan's periods in order: phases first, then the annual rounds.
std::vector<Period> plan_periods(const PlanSpec& plan);
std::optional<Period> find_period(const PlanSpec& plan, std::string_view id);
// "2021-2025, 2021, …": the plan's period ids, for messages naming what exists.
std::string period_list(const PlanSpec& plan);
bool selector_matches(const PeriodSelector& selector, const Period& period);
// "giai đoạn 2021-2025", "năm 2023": the period as documents and messages word it.
std::string period_words(const Period& p);

}  // namespace thidua

#include "plan/Period.h"

#include <algorithm>

namespace thidua {

std::vector<Period> plan_periods(const PlanSpec& plan) {
    std::vector<Period> out;
    for (const PhaseSpec& p : plan.phases)
        out.push_back({p.id, true, p.from.year(), p.to.year(), p.from, p.to});
    if (plan.annual) {
        for (int y = plan.annual->from; y <= plan.annual->to; ++y) {
            Period p;
            p.id = std::to_string(y);
            p.first_year = p.last_year = y;
            p.from = *Date::from_ymd(y, 1, 1);
            p.to = *Date::from_ymd(y, 12, 31);
            out.push_back(p);
        }
    }
    return out;
}

std::optional<Period> find_period(const PlanSpec& plan, std::string_view id) {
    for (Period& p : plan_periods(plan))
        if (p.id == id) return p;
    return std::nullopt;
}

bool selector_matches(const PeriodSelector& selector, const Period& period) {
    if (selector.annual && !period.is_phase) return true;
    if (selector.phases && period.is_phase) return true;
    return std::find(selector.ids.begin(), selector.ids.end(), period.id) != selector.ids.end();
}

std::string period_list(const PlanSpec& plan) {
    std::string out;
    for (const Period& p : plan_periods(plan))
        out += (out.empty() ? "" : ", ") + p.id;
    return out;
}

std::string period_words(const Period& p) {
    return p.is_phase ? "giai đoạn " + p.id : "năm " + p.id;
}

}  // namespace thidua

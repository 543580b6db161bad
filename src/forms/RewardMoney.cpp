#include "forms/RewardMoney.h"

#include <cmath>

#include "forms/DocumentDefaults.h"
#include "forms/VietnameseFormat.h"

namespace thidua::forms {

long long reward_amount(double multiple, long long base_salary) {
    // Multiples carry one decimal ("0,3"); work in tenths so 0.3 × 2,340,000 is exact.
    const long long tenths = std::llround(multiple * 10);
    const long long raw = tenths * base_salary / 10;
    const long long r = kRewardRoundingDong;
    return (raw + r - 1) / r * r;
}

RewardSummary reward_money(const PlanSpec& plan, const std::vector<Proposal>& proposals, Date on) {
    RewardSummary out;
    out.base_salary = base_salary_on(plan, on);
    for (const Proposal& p : proposals) {
        const AwardSpec& award = *p.award->award->spec;
        RewardLine* line = nullptr;
        for (RewardLine& l : out.lines)
            if (l.award_id == award.id) line = &l;
        if (line == nullptr) {
            RewardLine fresh{award.id, award_title(award.name), award.kind, 0, std::nullopt, 0, 0};
            for (const RewardSpec& r : plan.documents.rewards)
                if (r.award == award.id) fresh.multiple = r.multiple;
            if (fresh.multiple && out.base_salary)
                fresh.per_award = reward_amount(*fresh.multiple, out.base_salary->amount);
            out.lines.push_back(std::move(fresh));
            line = &out.lines.back();
        }
        ++line->count;
        line->subtotal = line->per_award * line->count;
    }
    for (const RewardLine& l : out.lines)
        out.total += l.subtotal;
    return out;
}

}  // namespace thidua::forms

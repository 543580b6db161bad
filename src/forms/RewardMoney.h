#pragma once
// The prize money of a proposal, for the budget line of the submission and Điều 2 of the
// decision: per award, the number proposed times the plan's multiple of the base salary in force
// on the document's date, rounded up to tens of thousands of đồng.

#include <optional>
#include <string>
#include <vector>

#include "forms/Selection.h"
#include "plan/PlanSpec.h"

namespace thidua::forms {

struct RewardLine {
    std::string award_id;
    std::string award_name;  // the award's title, without "(tập thể)"
    AwardKind kind = AwardKind::Collective;
    int count = 0;
    std::optional<double> multiple;  // none: the plan states no money for this award
    long long per_award = 0;         // đồng, rounded
    long long subtotal = 0;
};

struct RewardSummary {
    std::vector<RewardLine> lines;  // award order of the proposals
    long long total = 0;
    std::optional<BaseSalarySpec> base_salary;
};

RewardSummary reward_money(const PlanSpec& plan, const std::vector<Proposal>& proposals, Date on);

// multiple × base, rounded up to kRewardRoundingDong.
long long reward_amount(double multiple, long long base_salary);

}  // namespace thidua::forms

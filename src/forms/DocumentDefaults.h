#pragma once
// What the documents say when a plan's `documents:` section does not: the legal bases in force
// on a date, the base salary (mức lương cơ sở) history, the council's voting rules. Kept as
// dated tables here, each line with the act it comes from, so that a change of law is one new
// line; a plan can replace any of it (PlanSpec::documents).

#include <optional>
#include <string>
#include <vector>

#include "base/Date.h"
#include "plan/PlanSpec.h"

namespace thidua::forms {

struct DatedText {
    Date from;
    std::optional<Date> to;  // inclusive; none: still in force
    std::string text;
};

// The general bases of an award decision or a submission in force on `on`, without the plan.
std::vector<std::string> default_legal_bases(Date on);

// The base salary in force on `on`: the plan's table first, then the product's.
std::optional<BaseSalarySpec> base_salary_on(const PlanSpec& plan, Date on);

// Prize money after multiplying by the base salary is rounded up to tens of thousands of đồng.
inline constexpr long long kRewardRoundingDong = 10'000;
inline constexpr const char* kRewardRoundingBasis =
    "Tiền thưởng sau khi nhân với mức lương cơ sở được làm tròn lên hàng chục nghìn đồng";

inline constexpr const char* kDefaultQuorum = "ít nhất 2/3 tổng số thành viên Hội đồng tham dự";
inline constexpr const char* kDefaultApproval = "70%";
inline constexpr const char* kDefaultMovement = "phong trào thi đua cải cách hành chính";
inline constexpr const char* kDefaultFund = "Quỹ thi đua, khen thưởng";

}  // namespace thidua::forms

// Which compiled criteria the engine may decide once per unit for the people of an individual
// award (expr::Node::fixed_by_unit): only those that read nothing of the person but their unit.

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "io/plan/PlanLoader.h"

namespace thidua {
namespace {

// criterion id -> fixed_by_unit(), for one award of a seed plan (its phase version).
std::map<std::string, bool> fixed_criteria(const std::string& plan_file, const std::string& award) {
    const auto plan = load_plan(std::string(THIDUA_SOURCE_DIR) + "/plans/" + plan_file);
    EXPECT_TRUE(plan);
    std::map<std::string, bool> out;
    if (!plan) return out;
    for (const CompiledAward& a : (*plan)->awards) {
        if (a.spec->id != award || !a.spec->periods.phases) continue;
        for (const CompiledCriterion& c : a.criteria)
            out[c.id] = c.rule->fixed_by_unit() && (!c.applies_to || c.applies_to->fixed_by_unit());
    }
    return out;
}

TEST(FixedByUnit, OnlyTheCriteriaAboutThePersonsUnitAreFixedByIt) {
    const auto fixed = fixed_criteria("kien-giang-2021-2025.yaml", "bang-khen-ca-nhan");
    ASSERT_FALSE(fixed.empty());
    // selected(unit, co-thi-dua) or selected(unit, bang-khen-tap-the)
    EXPECT_TRUE(fixed.at("member-of-selected-unit"));
    // The person's own registration, ratings and facts.
    EXPECT_FALSE(fixed.at("registered"));
    EXPECT_FALSE(fixed.at("every-year-htt"));
    EXPECT_FALSE(fixed.at("excellent-par"));
    EXPECT_FALSE(fixed.at("not-disciplined"));
}

}  // namespace
}  // namespace thidua

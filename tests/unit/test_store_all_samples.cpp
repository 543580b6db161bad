// The demo store of the README's main command: the five seed plans and their samples in one
// store, each sample imported for its plan. Every plan must still decide, period by period, the
// same selections and ties as on its own sample — the store holds several territories, and a
// plan only looks at its issuer's.

#include <gtest/gtest.h>

#include "StoreTestSupport.h"
#include "eval/Evaluator.h"
#include "io/plan/PlanLoader.h"
#include "present/Explain.h"

namespace thidua::testing_support {
namespace {

class StoreAllSamplesTest : public StoreTest {};

// What the council reads first: per award and group, who is selected and who is tied.
std::vector<std::string> selections(const EvaluationResult& r) {
    std::vector<std::string> out;
    for (const AwardOutcome& a : r.awards)
        for (const GroupOutcome& g : a.groups) {
            std::string line = a.award->spec->id + "/" + g.group->id + ":";
            for (const Subject& s : g.selected)
                line += " " + subject_id(*r.data, s);
            line += " |";
            for (const Subject& s : g.tied)
                line += " " + subject_id(*r.data, s);
            out.push_back(line);
        }
    return out;
}

TEST_P(StoreAllSamplesTest, EveryPlanDecidesAsOnItsOwnSample) {
    auto store = open();
    ASSERT_TRUE(store);
    // The order of scripts/run.sh: Phú Quốc's board before the Kiên Giang province it is part of.
    const std::vector<std::string> plans = {"phu-quoc-2021-2025", "kien-giang-2021-2025",
                                            "soc-trang-2021-2030", "nga-nam-2021-2030",
                                            "chau-thanh-2023"};
    for (const std::string& id : plans) {
        ImportOptions options;
        options.plan_id = id;
        auto report = store->import_dataset(read_sample(id), options);
        ASSERT_TRUE(report) << id << ": " << report.error().format();
    }
    for (const std::string& id : plans) {
        auto plan = load_plan(std::filesystem::path(THIDUA_SOURCE_DIR) / "plans" / (id + ".yaml"));
        ASSERT_TRUE(plan) << id;
        const Dataset alone = read_sample(id);
        auto stored = store->load_dataset_for_plan(id);
        ASSERT_TRUE(stored) << stored.error().format();
        EvaluateOptions within;
        within.within = issuer_unit(**plan, *stored);
        EXPECT_NE(within.within, kNoIndex) << id << ": the issuer unit is in the store";
        for (const Period& period : plan_periods((*plan)->spec)) {
            const auto expected = selections(evaluate(**plan, alone, period));
            const auto got = selections(evaluate(**plan, *stored, period, within));
            EXPECT_EQ(got, expected) << id << " " << period.id;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreAllSamplesTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support

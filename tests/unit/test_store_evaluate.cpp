// Evaluating from the store gives byte for byte the JSON that evaluating from the files gives,
// for every period of every sample's plan, on both engines.

#include <sstream>

#include "StoreTestSupport.h"
#include "eval/Evaluator.h"
#include "io/plan/PlanLoader.h"
#include "present/JsonReport.h"

namespace thidua {
namespace {

class StoreEvaluateTest : public testing_support::StoreTest {};

std::string json_of(const CompiledPlan& plan, const Dataset& data, const Period& period) {
    std::ostringstream out;
    write_json(evaluate(plan, data, period), out);
    return out.str();
}

TEST_P(StoreEvaluateTest, SameJsonAsFromFilesForEverySample) {
    int compared = 0;
    for (const std::string& name : testing_support::sample_names()) {
        SCOPED_TRACE(name);
        TearDown();
        SetUp();
        auto plan =
            load_plan(std::filesystem::path(THIDUA_SOURCE_DIR) / "plans" / (name + ".yaml"));
        ASSERT_TRUE(plan);
        const Dataset files = testing_support::read_sample(name);
        auto store = open();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->import_dataset(files, {}));
        auto stored = store->load_dataset();
        ASSERT_TRUE(stored) << stored.error().format();
        for (const Period& period : plan_periods((*plan)->spec)) {
            SCOPED_TRACE(period.id);
            EXPECT_EQ(json_of(**plan, files, period), json_of(**plan, *stored, period));
            ++compared;
        }
    }
    EXPECT_GT(compared, 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreEvaluateTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua

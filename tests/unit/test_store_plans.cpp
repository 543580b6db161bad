// Plan versions: each save with new text is a new version; the same text saves nothing.

#include "StoreTestSupport.h"

namespace thidua {
namespace {

class StorePlanTest : public testing_support::StoreTest {};

TEST_P(StorePlanTest, SavesVersionsAndFindsLatestOrGiven) {
    auto store = open();
    ASSERT_TRUE(store);
    auto v1 = store->save_plan("kg", "id: kg\n# một\n", "lan");
    ASSERT_TRUE(v1) << v1.error().format();
    EXPECT_EQ(v1->version, 1);
    EXPECT_TRUE(v1->created);
    auto same = store->save_plan("kg", "id: kg\n# một\n", "minh");
    ASSERT_TRUE(same);
    EXPECT_EQ(same->version, 1);
    EXPECT_FALSE(same->created);
    auto v2 = store->save_plan("kg", "id: kg\n# hai\n", "minh");
    ASSERT_TRUE(v2);
    EXPECT_EQ(v2->version, 2);

    auto latest = store->find_plan("kg", std::nullopt);
    ASSERT_TRUE(latest && *latest);
    EXPECT_EQ((*latest)->version, 2);
    EXPECT_EQ((*latest)->text, "id: kg\n# hai\n");
    EXPECT_EQ((*latest)->saved_by, "minh");
    auto first = store->find_plan("kg", 1);
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->text, "id: kg\n# một\n");
    auto none = store->find_plan("other", std::nullopt);
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);

    auto log = store->audit_log();
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 2u);  // two versions saved; the repeat saved nothing
    EXPECT_EQ((*log)[1].action, "plan-save");
    EXPECT_EQ((*log)[1].subject, "kg");
}

INSTANTIATE_TEST_SUITE_P(Backends, StorePlanTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua

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

// Template uploads: binary bytes (a zip has NULs and high bytes) come back exactly, versions
// count up per plan and kind, a reset is a version without content, and each save is audited.
TEST_P(StorePlanTest, TemplatesAreVersionedPerPlanAndKindAndKeepTheirBytes) {
    auto store = open();
    ASSERT_TRUE(store);
    std::string bytes = "PK\x03\x04";
    for (int i = 0; i < 600; ++i)
        bytes += static_cast<char>(i % 256);
    auto v1 =
        store->save_plan_template({"kg", "to-trinh", 0, "Tờ trình.docx", bytes, "", "lan", ""});
    ASSERT_TRUE(v1) << v1.error().format();
    EXPECT_EQ(v1->version, 1);
    EXPECT_EQ(v1->sha256.size(), 64u);
    ASSERT_TRUE(
        store->save_plan_template({"kg", "quyet-dinh", 0, "qd.docx", "PK\x05", "", "lan", ""}));
    auto found = store->find_plan_template("kg", "to-trinh");
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->content, bytes);
    EXPECT_EQ((*found)->file_name, "Tờ trình.docx");
    EXPECT_EQ((*found)->saved_by, "lan");

    auto reset = store->save_plan_template({"kg", "to-trinh", 0, "", "", "", "minh", ""});
    ASSERT_TRUE(reset);
    EXPECT_EQ(reset->version, 2);
    auto after = store->find_plan_template("kg", "to-trinh");
    ASSERT_TRUE(after && *after);
    EXPECT_TRUE((*after)->content.empty());
    auto none = store->find_plan_template("st", "to-trinh");
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);

    auto listed = store->plan_templates("kg");
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].form, "quyet-dinh");
    EXPECT_EQ((*listed)[1].form, "to-trinh");
    EXPECT_EQ((*listed)[1].version, 2);
    EXPECT_TRUE((*listed)[1].sha256.empty());

    auto log = store->audit_log();
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 3u);
    EXPECT_EQ((*log)[0].action, "plan-template-save");
    EXPECT_EQ((*log)[0].subject, "kg");
}

INSTANTIATE_TEST_SUITE_P(Backends, StorePlanTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua

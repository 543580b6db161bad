// Registrations, events and dossiers belong to the plan whose data they came with; units and
// yearly facts are shared by every plan. And an import may move an existing unit under a parent
// that the same import adds.

#include <gtest/gtest.h>

#include "StoreTestSupport.h"
#include "TestDataset.h"

namespace thidua::testing_support {
namespace {

class StorePlanRecordsTest : public StoreTest {};

Dataset with_registration(const std::string& unit, const std::string& period, Date on) {
    TestDataset t(2023, 1);
    const Index u = t.unit(unit, UnitType::Department);
    Dataset d = t.data();
    d.has_registrations = true;
    d.registrations.push_back({{SubjectKind::Unit, u}, period, on, false, {}});
    return d;
}

TEST_P(StorePlanRecordsTest, RecordsOfOnePlanAreNotSeenByAnother) {
    auto store = open();
    ASSERT_TRUE(store);
    const Date march = *Date::from_ymd(2023, 3, 1);
    ImportOptions a{"test", "a", "plan-a"};
    ImportOptions shared{"test", "shared", ""};
    ASSERT_TRUE(store->import_dataset(with_registration("U1", "2023", march), a));
    ASSERT_TRUE(store->import_dataset(with_registration("U1", "2024", march), shared));

    auto for_a = store->load_dataset_for_plan("plan-a");
    auto for_b = store->load_dataset_for_plan("plan-b");
    ASSERT_TRUE(for_a && for_b);
    // Plan A: its own registration and the shared one; plan B: only the shared one.
    ASSERT_EQ(for_a->registrations.size(), 2u);
    ASSERT_EQ(for_b->registrations.size(), 1u);
    EXPECT_EQ(for_b->registrations[0].period, "2024");
    EXPECT_TRUE(for_a->has_registrations);
    EXPECT_TRUE(for_b->has_registrations);  // the shared file was given
    auto all = store->load_dataset();
    ASSERT_TRUE(all);
    EXPECT_EQ(all->registrations.size(), 2u);
}

TEST_P(StorePlanRecordsTest, APlanThatWasGivenNoRegistrationsKnowsNone) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_dataset(with_registration("U1", "2023", *Date::from_ymd(2023, 3, 1)),
                                      {"test", "a", "plan-a"}));
    auto for_b = store->load_dataset_for_plan("plan-b");
    ASSERT_TRUE(for_b);
    EXPECT_TRUE(for_b->registrations.empty());
    // No registrations file for plan B: "registered" stays unknown there, not false.
    EXPECT_FALSE(for_b->has_registrations);
}

TEST_P(StorePlanRecordsTest, AnExistingUnitMovesUnderAParentAddedByTheSameImport) {
    auto store = open();
    ASSERT_TRUE(store);
    TestDataset first(2023, 1);
    first.unit("BOARD", UnitType::Department);
    ASSERT_TRUE(store->import_dataset(first.data(), {}));

    TestDataset second(2023, 1);
    const Index province = second.unit("PROV", UnitType::Province);
    second.unit("BOARD", UnitType::Department, province);
    auto report = store->import_dataset(second.data(), {});
    ASSERT_TRUE(report) << report.error().format();
    EXPECT_EQ(report->tables[0].inserted, 1);
    EXPECT_EQ(report->tables[0].updated, 1);
    auto units = store->list_units();
    ASSERT_TRUE(units);
    for (const UnitRecord& u : *units) {
        if (u.id == "BOARD") {
            EXPECT_EQ(u.parent_id, "PROV");
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, StorePlanRecordsTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support

// The person id index: every id found at its row, a repeated id refused naming the first row,
// growth past the reserved size, and a copied dataset's index reading the copy's ids.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/Dataset.h"
#include "model/IdIndex.h"

namespace thidua {
namespace {

TEST(IdIndex, FindsEveryIdAtItsRowAndRefusesRepeats) {
    std::vector<std::string> ids;
    IdIndex index;
    index.reserve(4);  // far fewer than added: the table grows as it fills
    for (int i = 0; i < 5000; ++i) {
        ids.push_back("KG-CB-" + std::to_string(i));
        ASSERT_EQ(index.insert(ids, static_cast<Index>(ids.size() - 1)), kNoIndex);
    }
    EXPECT_EQ(index.size(), 5000u);
    for (int i = 0; i < 5000; i += 7)
        EXPECT_EQ(index.find(ids, "KG-CB-" + std::to_string(i)), i);
    EXPECT_EQ(index.find(ids, "KG-CB-5000"), kNoIndex);
    EXPECT_EQ(index.find(ids, ""), kNoIndex);

    ids.push_back("KG-CB-42");
    EXPECT_EQ(index.insert(ids, static_cast<Index>(ids.size() - 1)), 42) << "the first row";
    EXPECT_EQ(index.size(), 5000u);
    EXPECT_EQ(index.find(ids, "KG-CB-42"), 42);
}

TEST(IdIndex, AnEmptyIndexFindsNothing) {
    const std::vector<std::string> ids = {"A"};
    IdIndex index;
    EXPECT_TRUE(index.empty());
    EXPECT_EQ(index.find(ids, "A"), kNoIndex);
    index.clear();
    EXPECT_EQ(index.find(ids, "A"), kNoIndex);
}

TEST(IdIndex, ACopiedDatasetFindsItsOwnPeople) {
    Dataset data;
    for (const char* id : {"P1", "P2", "P3"}) {
        data.people.id.emplace_back(id);
        data.person_index.insert(data.people.id, static_cast<Index>(data.people.id.size() - 1));
    }
    Dataset copy = data;
    data = Dataset();  // the original's ids are gone
    EXPECT_EQ(copy.find_person("P2"), 1);
    EXPECT_EQ(copy.find_person("P4"), kNoIndex);
    EXPECT_EQ(data.find_person("P2"), kNoIndex);
}

}  // namespace
}  // namespace thidua

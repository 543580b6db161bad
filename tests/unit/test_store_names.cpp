// Vietnamese names: listed in Vietnamese collation order, found ignoring case and diacritics.

#include "StoreTestSupport.h"
#include "base/Collation.h"
#include "base/Text.h"

namespace thidua {
namespace {

class StoreNamesTest : public testing_support::StoreTest {};

// In the order a Vietnamese dictionary lists them: A Ă Â B C D Đ E Ê G …
const std::vector<std::string> kUnitsInOrder = {
    "An Giang",  "Ăn Quán",   "Âu Cơ",  "Bạc Liêu", "Cà Mau",
    "Dầu Tiếng", "Đồng Tháp", "Ea Súp", "Ê Đê",     "Gò Công",
};
// The six tones in order: ngang, huyền, hỏi, ngã, sắc, nặng.
const std::vector<std::string> kTonesInOrder = {
    "Lê Văn Ba", "Lê Văn Bà", "Lê Văn Bả", "Lê Văn Bã", "Lê Văn Bá", "Lê Văn Bạ",
};

Dataset names_dataset() {
    Dataset d;
    // Listed scrambled, so that only the collation can put them in order.
    const std::vector<size_t> order = {6, 2, 9, 0, 4, 8, 1, 7, 3, 5};
    for (size_t i : order) {
        Unit u;
        u.id = "u" + std::to_string(i);
        u.name = kUnitsInOrder[i];
        d.unit_by_id[u.id] = static_cast<Index>(d.units.size());
        d.units.push_back(u);
    }
    const std::vector<std::string> people = {"Nguyễn Văn A", "Lê Văn Bạ",   "Lê Văn Bá",
                                             "Lê Văn Ba",    "Lê Văn Bả",   "Lê Văn Bà",
                                             "Lê Văn Bã",    "Trần Thị Ánh"};
    for (size_t i = 0; i < people.size(); ++i) {
        d.people.id.push_back("p" + std::to_string(i));
        d.people.name.push_back(people[i]);
        d.people.unit.push_back(0);
        d.people.gender.push_back(Gender::Unknown);
        d.people.par_role.push_back(kUnknown);
        d.people.resident.push_back(kUnknown);
        d.people.component.push_back(kNoIndex);
        d.people.tags.emplace_back();
        d.person_index.insert(d.people.id, static_cast<Index>(i));
    }
    d.has_people = true;
    return d;
}

std::vector<std::string> names(const std::vector<NameEntry>& entries) {
    std::vector<std::string> out;
    for (const NameEntry& e : entries)
        out.push_back(e.name);
    return out;
}

TEST(Collation, OrdersVietnameseLettersAndTones) {
    std::vector<std::string> shuffled(kUnitsInOrder.rbegin(), kUnitsInOrder.rend());
    std::sort(shuffled.begin(), shuffled.end(),
              [](const auto& a, const auto& b) { return vietnamese_less(a, b); });
    EXPECT_EQ(shuffled, kUnitsInOrder);
    std::vector<std::string> tones(kTonesInOrder.rbegin(), kTonesInOrder.rend());
    std::sort(tones.begin(), tones.end(),
              [](const auto& a, const auto& b) { return vietnamese_less(a, b); });
    EXPECT_EQ(tones, kTonesInOrder);
    EXPECT_NE(collation_version().find("icu"), std::string::npos);
}

TEST_P(StoreNamesTest, ListsUnitsInVietnameseOrder) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_dataset(names_dataset(), {}));
    auto listed = store->list_names({NameKind::Unit, "", 0});
    ASSERT_TRUE(listed) << listed.error().format();
    EXPECT_EQ(names(*listed), kUnitsInOrder);
    auto first_three = store->list_names({NameKind::Unit, "", 3});
    ASSERT_TRUE(first_three);
    EXPECT_EQ(first_three->size(), 3u);
}

TEST_P(StoreNamesTest, ListsPeopleWithTonesInOrder) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_dataset(names_dataset(), {}));
    auto listed = store->list_names({NameKind::Person, "le van", 0});
    ASSERT_TRUE(listed) << listed.error().format();
    EXPECT_EQ(names(*listed), kTonesInOrder);
}

TEST_P(StoreNamesTest, SearchIgnoresCaseAndDiacritics) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_dataset(names_dataset(), {}));
    const auto search = [&](NameKind kind, const std::string& text) {
        auto found = store->list_names({kind, text, 0});
        EXPECT_TRUE(found);
        return found ? names(*found) : std::vector<std::string>{};
    };
    EXPECT_EQ(search(NameKind::Person, "nguyen van a"), std::vector<std::string>{"Nguyễn Văn A"});
    EXPECT_EQ(search(NameKind::Person, "NGUYỄN VĂN A"), std::vector<std::string>{"Nguyễn Văn A"});
    EXPECT_EQ(search(NameKind::Person, "anh"), std::vector<std::string>{"Trần Thị Ánh"});
    EXPECT_EQ(search(NameKind::Unit, "dong thap"), std::vector<std::string>{"Đồng Tháp"});
    EXPECT_EQ(search(NameKind::Unit, "Đồng tháp"), std::vector<std::string>{"Đồng Tháp"});
    EXPECT_EQ(search(NameKind::Unit, "au co"), std::vector<std::string>{"Âu Cơ"});
    EXPECT_TRUE(search(NameKind::Unit, "100%").empty());  // wildcards are literal
    EXPECT_TRUE(search(NameKind::Unit, "_").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreNamesTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua

#include <gtest/gtest.h>

#include "eval/Allocator.h"

using namespace thidua;
using expr::Tri;

namespace {

Entrant e(std::vector<double> keys, Tri pref = Tri::Unknown, Index partition = kNoIndex) {
    return Entrant{std::move(keys), pref, partition};
}

std::vector<int> picked(const Allocation& a) {
    std::vector<int> out;
    for (int k : a.order)
        if (a.selected[k]) out.push_back(k);
    return out;
}

std::vector<int> tied(const Allocation& a) {
    std::vector<int> out;
    for (size_t k = 0; k < a.tied.size(); ++k)
        if (a.tied[k]) out.push_back(static_cast<int>(k));
    return out;
}

TEST(Allocator, FillsTheQuotaByKeysInOrder) {
    // The second key decides between the two with 4 xuat-sac years.
    const auto a = allocate({e({3, 91}), e({4, 85}), e({4, 88}), e({2, 99})}, 2, std::nullopt);
    EXPECT_EQ(picked(a), (std::vector<int>{2, 1}));
    EXPECT_TRUE(tied(a).empty());
    EXPECT_EQ(a.open_seats, 0);
}

TEST(Allocator, TieAtTheLastSeatIsLeftOpenForTheCouncil) {
    const auto a = allocate({e({5}), e({4}), e({4}), e({3})}, 2, std::nullopt);
    EXPECT_EQ(picked(a), (std::vector<int>{0}));
    EXPECT_EQ(tied(a), (std::vector<int>{1, 2}));
    EXPECT_EQ(a.open_seats, 1);
}

TEST(Allocator, TieThatFitsIsNotATie) {
    const auto a = allocate({e({5}), e({4}), e({4}), e({3})}, 3, std::nullopt);
    EXPECT_EQ(picked(a), (std::vector<int>{0, 1, 2}));
    EXPECT_TRUE(tied(a).empty());
}

TEST(Allocator, WomenFirstOnlyWhenKnownForEveryoneInTheTie) {
    const auto known = allocate({e({5}), e({4}, Tri::False), e({4}, Tri::True)}, 2, std::nullopt);
    EXPECT_EQ(picked(known), (std::vector<int>{0, 2}));
    EXPECT_TRUE(tied(known).empty());
    const auto unknown =
        allocate({e({5}), e({4}, Tri::Unknown), e({4}, Tri::True)}, 2, std::nullopt);
    EXPECT_EQ(picked(unknown), (std::vector<int>{0}));
    EXPECT_EQ(tied(unknown), (std::vector<int>{1, 2}));
}

TEST(Allocator, PreferenceThatDoesNotResolveLeavesTheRestTied) {
    // Two women and one man tie for one seat: the women still tie between themselves.
    const auto a =
        allocate({e({4}, Tri::True), e({4}, Tri::True), e({4}, Tri::False)}, 1, std::nullopt);
    EXPECT_TRUE(picked(a).empty());
    EXPECT_EQ(tied(a), (std::vector<int>{0, 1}));
}

TEST(Allocator, NoQuotaSelectsEveryone) {
    const auto a = allocate({e({1}), e({1}), e({0})}, std::nullopt, std::nullopt);
    EXPECT_EQ(picked(a).size(), 3u);
}

TEST(Allocator, CapPerUnitThenTheOverallQuota) {
    // Unit 7 has three people for two seats; unit 8 one.
    const auto a = allocate({e({1, 3}, Tri::Unknown, 7), e({1, 2}, Tri::Unknown, 7),
                             e({0, 5}, Tri::Unknown, 7), e({0, 1}, Tri::Unknown, 8)},
                            std::nullopt, 2);
    EXPECT_EQ(picked(a), (std::vector<int>{0, 1, 3}));
    EXPECT_TRUE(a.capped_out[2]);
}

TEST(Allocator, TieInsideAUnitCapIsFlagged) {
    const auto a =
        allocate({e({1}, Tri::Unknown, 7), e({0}, Tri::Unknown, 7), e({0}, Tri::Unknown, 7)},
                 std::nullopt, 2);
    EXPECT_EQ(picked(a), (std::vector<int>{0}));
    EXPECT_EQ(tied(a), (std::vector<int>{1, 2}));
}

TEST(Allocator, CompetitionRanks) {
    std::vector<Entrant> es{e({5}), e({4}), e({4}), e({3})};
    const auto a = allocate(es, std::nullopt, std::nullopt);
    EXPECT_EQ(competition_ranks(es, a.order), (std::vector<int>{1, 2, 2, 4}));
}

}  // namespace

// permute_in_place puts a vector in a given order without a copy, by either of its two ways.

#include "base/PermuteInPlace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace {

std::vector<std::string> numbered(size_t n) {
    std::vector<std::string> items;
    for (size_t i = 0; i < n; ++i)
        items.push_back("item number " + std::to_string(i));  // beyond the small-string buffer
    return items;
}

void expect_permuted(std::vector<int> order) {
    std::vector<std::string> items = numbered(order.size());
    const std::vector<std::string> original = items;
    const std::vector<int> wanted = order;
    thidua::permute_in_place(items, order);
    ASSERT_EQ(items.size(), original.size());
    for (size_t k = 0; k < items.size(); ++k)
        EXPECT_EQ(items[k], original[static_cast<size_t>(wanted[k])]) << "at " << k;
}

TEST(PermuteInPlace, AFewRankedFirstThenTheRestInTheirOrder) {
    // Ranked 7, 3, 9 first; then everyone else in their own order (the common output order).
    std::vector<int> order = {7, 3, 9};
    for (int i = 0; i < 20; ++i)
        if (i != 7 && i != 3 && i != 9) order.push_back(i);
    expect_permuted(order);
}

TEST(PermuteInPlace, IdentityEmptyAndOne) {
    std::vector<int> identity(10);
    std::iota(identity.begin(), identity.end(), 0);
    expect_permuted(identity);
    expect_permuted({});
    expect_permuted({0});
}

TEST(PermuteInPlace, AnyPermutationFollowsItsCycles) {
    std::mt19937 random(7);
    for (size_t n : {2u, 3u, 17u, 200u}) {
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        for (int round = 0; round < 20; ++round) {
            std::shuffle(order.begin(), order.end(), random);
            expect_permuted(order);
        }
    }
}

TEST(PermuteInPlace, AReversedOrderIsNotMistakenForAnIncreasingTail) {
    std::vector<int> order(50);
    std::iota(order.rbegin(), order.rend(), 0);
    expect_permuted(order);
}

}  // namespace

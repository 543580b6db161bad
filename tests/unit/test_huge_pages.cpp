#include "base/HugePages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace thidua {
namespace {

// Whether the kernel grants huge pages is its own business; what the helpers promise is the
// buffer itself, whatever the advice did.
TEST(HugePages, HugeStringIsThatManyZeroBytes) {
    const std::string empty = huge_string(0);
    EXPECT_TRUE(empty.empty());
    const std::string small = huge_string(10);
    EXPECT_EQ(small, std::string(10, '\0'));
    const size_t size = (size_t{9} << 20) + 123;  // several huge pages, not a multiple of one
    const std::string large = huge_string(size);
    ASSERT_EQ(large.size(), size);
    EXPECT_TRUE(std::all_of(large.begin(), large.end(), [](char c) { return c == '\0'; }));
}

TEST(HugePages, ReserveHugeReservesWithoutFilling) {
    std::vector<uint32_t> rows;
    reserve_huge(rows, size_t{3} << 20);
    EXPECT_TRUE(rows.empty());
    EXPECT_GE(rows.capacity(), size_t{3} << 20);
    rows.assign(size_t{3} << 20, 7u);
    EXPECT_EQ(rows.back(), 7u);
    std::vector<uint32_t> few{1, 2, 3};
    reserve_huge(few, 2);  // less than it holds: nothing changes
    EXPECT_EQ(few, (std::vector<uint32_t>{1, 2, 3}));
}

TEST(HugePages, AdviceOnSmallNullOrUnalignedBuffersIsHarmless) {
    advise_huge_pages(nullptr, size_t{64} << 20);
    char byte = 1;
    advise_huge_pages(&byte, 1);
    std::vector<char> buffer((size_t{5} << 20) + 3, 'x');
    advise_huge_pages(buffer.data() + 3, buffer.size() - 3);
    EXPECT_EQ(byte, 1);
    EXPECT_TRUE(std::all_of(buffer.begin(), buffer.end(), [](char c) { return c == 'x'; }));
}

}  // namespace
}  // namespace thidua

#pragma once
// Eight bytes of text looked at in one 64-bit word ("SIMD within a register"), for the scans
// that run over whole dataset files: the CSV reader's search for commas, the encoding scan's
// search for non-ASCII bytes and cell ends. Plain C++ that every target compiles.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace thidua::swar {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

inline uint64_t load(const char* at) {
    uint64_t word = 0;
    std::memcpy(&word, at, 8);
    return word;
}

// The high bit of each byte of `word` that equals `c`, and no other bit: exact, because no
// carry crosses from one byte into the next.
inline uint64_t bytes_equal(uint64_t word, char c) {
    const uint64_t x = word ^ (kOnes * static_cast<unsigned char>(c));
    return ~((((x & kLow7) + kLow7) | x) | kLow7);
}

// The offset in the word of the first byte (in text order) whose high bit `marks` has set.
inline size_t first_marked(uint64_t marks) {
    if constexpr (std::endian::native == std::endian::little)
        return static_cast<size_t>(std::countr_zero(marks)) / 8;
    else
        return static_cast<size_t>(std::countl_zero(marks)) / 8;
}

}  // namespace thidua::swar

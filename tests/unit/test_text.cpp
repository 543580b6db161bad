#include "base/Text.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <string>

namespace thidua {
namespace {

// "Việt" with the circumflex and the dot below as combining marks (NFD).
const std::string kVietDecomposed = "Vie\xCC\xA3\xCC\x82t";
const std::string kVietComposed = "Vi\xE1\xBB\x87t";  // "Việt"

TEST(ToNfc, AsciiIsUnchanged) {
    EXPECT_EQ(to_nfc("So Noi vu, 2023"), "So Noi vu, 2023");
}

TEST(ToNfc, ComposedTextIsUnchanged) {
    EXPECT_EQ(to_nfc("Sở Nội vụ"), "Sở Nội vụ");
}

TEST(ToNfc, DecomposedTextIsComposed) {
    EXPECT_EQ(to_nfc(kVietDecomposed), kVietComposed);
    EXPECT_EQ(to_nfc("Hoa\xCC\x80"), "Hoà");  // a + combining grave
    EXPECT_EQ(to_nfc("Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t"), "Tiếng Việt");
}

TEST(ToNfc, InvalidUtf8IsReturnedAsIs) {
    const std::string bad = "abc\xFF\xC3";
    EXPECT_EQ(to_nfc(bad), bad);
}

TEST(Fold, DropsAccentsAndLowercases) {
    EXPECT_EQ(fold("Hoàn thành Xuất Sắc nhiệm vụ"), "hoan thanh xuat sac nhiem vu");
    EXPECT_EQ(fold("Trung bình"), "trung binh");
    EXPECT_EQ(fold("ĂÂÊÔƠƯ ăâêôơư"), "aaeoou aaeoou");
}

TEST(Fold, MapsDStroke) {
    EXPECT_EQ(fold("Đặng Văn Đức đang"), "dang van duc dang");
}

TEST(Fold, DecomposedAndComposedFoldAlike) {
    EXPECT_EQ(fold(kVietDecomposed), "viet");
    EXPECT_EQ(fold(kVietComposed), "viet");
}

TEST(Fold, KeepsOtherScripts) {
    EXPECT_EQ(fold("ΩMEGA"), "ωmega");
    EXPECT_EQ(fold("漢字"), "漢字");
    EXPECT_EQ(fold("Ça"), "ca");
}

TEST(Fold, InvalidBytesBecomeReplacementCharacters) {
    EXPECT_EQ(fold("A\xFF"), "a\xEF\xBF\xBD");
}

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("Cờ thi đua của Ủy ban nhân dân tỉnh"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RejectsMalformedText) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE1\xBA"));          // truncated
    EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
    EXPECT_FALSE(is_valid_utf8("Vi\xEAt"));           // Latin-1 / cp1258 byte
}

TEST(Ascii, DetectsNonAsciiAnywhere) {
    EXPECT_TRUE(is_ascii("0123456789abcdefghij"));
    EXPECT_FALSE(is_ascii("0123456789abcdefghi\xC3\xA9"));
    EXPECT_FALSE(is_ascii("\xC3\xA9"));
}

}  // namespace
}  // namespace thidua

TEST(CountNewlines, CountsEveryLineFeedWhateverTheBytesAround) {
    EXPECT_EQ(thidua::count_newlines(""), 0u);
    EXPECT_EQ(thidua::count_newlines("\n"), 1u);
    EXPECT_EQ(thidua::count_newlines("a\r\nb\r\nc"), 2u);
    // Bytes next to the line feed that could carry into it: 0x0B, 0x09, 0x8A, 0xFF, 0x00.
    std::string mixed;
    size_t expected = 0;
    for (int i = 0; i < 1000; ++i) {
        const char c = static_cast<char>((i * 37) % 256);
        mixed += c;
        expected += c == '\n' ? 1 : 0;
    }
    mixed += "\x0B\n\x09\n\x8A\n\xFF\n";
    mixed += std::string(3, '\0') + "\n";
    expected += 5;
    EXPECT_EQ(thidua::count_newlines(mixed), expected);
    for (size_t cut = 0; cut < 17; ++cut)
        EXPECT_EQ(thidua::count_newlines(std::string_view(mixed).substr(cut)),
                  static_cast<size_t>(
                      std::count(mixed.begin() + static_cast<long>(cut), mixed.end(), '\n')));
}

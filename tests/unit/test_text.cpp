#include "base/Text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
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

TEST(CountNewlines, LongRunsOfLineFeedsDoNotWrapALaneCounter) {
    // Sixteen lanes count up to 255 rounds each before they are summed: a text of nothing but
    // line feeds fills every lane to the brim.
    for (size_t size : {size_t{16 * 255}, size_t{16 * 255 + 1}, size_t{16 * 255 * 3 + 7}}) {
        const std::string feeds(size, '\n');
        EXPECT_EQ(thidua::count_newlines(feeds), size);
    }
}

TEST(FindEither, FindsTheFirstOfTwoBytesFromAnyOffset) {
    std::string text;
    for (int i = 0; i < 300; ++i)
        text += static_cast<char>((i * 53 + i / 7) % 256);
    for (size_t from = 0; from <= text.size(); ++from) {
        size_t expected = std::string::npos;
        for (size_t i = from; i < text.size(); ++i) {
            if (text[i] == '"' || text[i] == '\r') {
                expected = i;
                break;
            }
        }
        EXPECT_EQ(thidua::find_either(text, from, '"', '\r'), expected) << from;
    }
    EXPECT_EQ(thidua::find_either(std::string(100, 'a'), 0, '"', '\r'), std::string::npos);
}

// Quick check "yes" says a character never composes with the one before it; combining class 0
// says it is never reordered. Text made only of such characters is NFC.
TEST(PrecomposedLatin, EveryCodePointItAcceptsIsNfcOnItsOwnAndCombinesWithNothing) {
    size_t accepted = 0;
    for (UChar32 c = 0; c < 0x3000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string utf8;
        icu::UnicodeString(c).toUTF8String(utf8);
        if (!thidua::is_precomposed_latin(utf8)) continue;
        ++accepted;
        EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << std::hex << c;
        EXPECT_EQ(u_getCombiningClass(c), 0) << std::hex << c;
    }
    // ASCII, U+0080..U+017F, Ơ ơ Ư ư and U+1E00..U+1EFF.
    EXPECT_EQ(accepted, 0x180u + 4 + 0x100);
    EXPECT_TRUE(thidua::is_precomposed_latin("Nguyễn Thị Ánh Tuyết, Đặng Ơn Ưng"));
    EXPECT_FALSE(thidua::is_precomposed_latin("Nguye\xCC\x82\xCC\x83n"));  // combining marks
    EXPECT_FALSE(thidua::is_precomposed_latin("Ω"));
}

TEST(ToNfc, NamesOfEveryFormComeOutAsIcuMakesThem) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    ASSERT_TRUE(U_SUCCESS(status));
    const char* const pieces[] = {"a",        "ă", "Ơ", "ư", "ễ", "ạ", "e\xCC\x82", "\xCC\x81",
                                  "\xCC\xA3", " ", "Đ", "Å", "Ω", "ﬁ", "가",        "\xE1\x84\x80"};
    uint32_t seed = 1;
    for (int k = 0; k < 20000; ++k) {
        std::string text;
        for (int j = 0; j < 6; ++j) {
            seed = seed * 1103515245 + 12345;
            text += pieces[(seed >> 16) % std::size(pieces)];
        }
        std::string expected;
        nfc->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(expected);
        EXPECT_EQ(thidua::to_nfc_of_valid(text), expected);
    }
}

TEST(FindNonAscii, FindsTheFirstHighByteFromAnyOffsetAcrossBlockEdges) {
    for (size_t size : {size_t{0}, size_t{15}, size_t{16}, size_t{31}, size_t{32}, size_t{100}}) {
        for (size_t high = 0; high <= size; ++high) {
            std::string text(size, 'a');
            if (high < size) text[high] = '\xC3';
            for (size_t from = 0; from <= size; from += 7) {
                const size_t expected = high < size && high >= from ? high : std::string::npos;
                EXPECT_EQ(thidua::find_non_ascii(text, from), expected) << size << " " << high;
            }
            EXPECT_EQ(thidua::is_ascii(text), high == size);
        }
    }
}

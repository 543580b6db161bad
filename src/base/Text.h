#pragma once
// Unicode helpers for Vietnamese text. Everything stored is NFC; comparisons that must ignore
// accents and case ("Xuất sắc" == "xuat sac") go through fold().

#include <cstddef>
#include <string>
#include <string_view>

namespace thidua {

// NFC form of valid UTF-8. Input that is not valid UTF-8 is returned unchanged: callers check
// is_valid_utf8() first and report the cell.
std::string to_nfc(std::string_view utf8);
// to_nfc() of text already known to be valid UTF-8 (a table cell the reader has checked):
// names are read by the million, and checking them again cost a tenth of reading people.csv.
std::string to_nfc_of_valid(std::string_view utf8);

// Whether valid UTF-8 is made only of ASCII and the precomposed Latin letters Vietnamese is
// written with (U+0080..U+017F, Ơ ơ Ư ư, U+1E00..U+1EFF): every one of those is NFC on its own
// and none combines with what comes before it, so such text is NFC without asking ICU. False
// says only "not known".
bool is_precomposed_latin(std::string_view utf8);
// The same for the one well-formed multi-byte sequence starting with bytes b0, b1.
inline bool is_precomposed_latin_sequence(unsigned char b0, unsigned char b1) {
    return (b0 >= 0xC2 && b0 <= 0xC5) ||  // U+0080..U+017F
           (b0 == 0xC6 && (b1 == 0xA0 || b1 == 0xA1 || b1 == 0xAF || b1 == 0xB0)) ||  // Ơ ơ Ư ư
           (b0 == 0xE1 && b1 >= 0xB8 && b1 <= 0xBB);  // U+1E00..U+1EFF
}

// Accent-free lowercase: NFD, combining marks dropped, đ/Đ -> d, lowercase.
// "Hoàn thành Xuất Sắc" -> "hoan thanh xuat sac". Invalid bytes become U+FFFD.
std::string fold(std::string_view utf8);

// Well-formed UTF-8 as Unicode defines it: no overlong forms, no surrogates, nothing past
// U+10FFFF.
bool is_valid_utf8(std::string_view text);
// The length of the well-formed UTF-8 sequence at text[i] (1 for ASCII), 0 when there is none
// (Unicode Table 3-7). Inline: the encoding scan runs it over every name of a people.csv.
inline size_t utf8_sequence_length(std::string_view text, size_t i) {
    const auto in_range = [](unsigned char c, unsigned char lo, unsigned char hi) {
        return c >= lo && c <= hi;
    };
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char b0 = byte(0);
    const size_t left = text.size() - i;
    if (b0 < 0x80) return 1;
    if (in_range(b0, 0xC2, 0xDF)) return left >= 2 && in_range(byte(1), 0x80, 0xBF) ? 2 : 0;
    if (in_range(b0, 0xE0, 0xEF)) {
        if (left < 3) return 0;
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
        return in_range(byte(1), lo, hi) && in_range(byte(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in_range(b0, 0xF0, 0xF4)) {
        if (left < 4) return 0;
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return in_range(byte(1), lo, hi) && in_range(byte(2), 0x80, 0xBF) &&
                       in_range(byte(3), 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

// How many '\n' bytes `text` holds, sixteen bytes at a time: a national CSV has millions of
// lines, and its parts are sized and numbered by counting them.
size_t count_newlines(std::string_view text);
// The first byte at or after `from` that is `a` or `b`, npos when there is none; sixteen bytes
// at a time, for a look through a whole file.
size_t find_either(std::string_view text, size_t from, char a, char b);
// The first byte at or after `from` that is not ASCII, npos when there is none; thirty-two
// bytes at a time, for a look through a whole file (a person_years.csv is all ASCII).
size_t find_non_ascii(std::string_view text, size_t from);
bool is_ascii(std::string_view text);

// Appends one code point as UTF-8 (the decoders of legacy encodings and of XLSX escapes build
// text a code point at a time).
void append_utf8(std::string& out, char32_t cp);

}  // namespace thidua

#pragma once
// Unicode helpers for Vietnamese text. Everything stored is NFC; comparisons that must ignore
// accents and case ("Xuất sắc" == "xuat sac") go through fold().

#include <string>
#include <string_view>

namespace thidua {

// NFC form of valid UTF-8. Input that is not valid UTF-8 is returned unchanged: callers check
// is_valid_utf8() first and report the cell.
std::string to_nfc(std::string_view utf8);
// to_nfc() of text already known to be valid UTF-8 (a table cell the reader has checked):
// names are read by the million, and checking them again cost a tenth of reading people.csv.
std::string to_nfc_of_valid(std::string_view utf8);

// Accent-free lowercase: NFD, combining marks dropped, đ/Đ -> d, lowercase.
// "Hoàn thành Xuất Sắc" -> "hoan thanh xuat sac". Invalid bytes become U+FFFD.
std::string fold(std::string_view utf8);

// Well-formed UTF-8 as Unicode defines it: no overlong forms, no surrogates, nothing past
// U+10FFFF.
bool is_valid_utf8(std::string_view text);

// How many '\n' bytes `text` holds, eight bytes at a time: a national CSV has millions of lines.
size_t count_newlines(std::string_view text);
bool is_ascii(std::string_view text);

// Appends one code point as UTF-8 (the decoders of legacy encodings and of XLSX escapes build
// text a code point at a time).
void append_utf8(std::string& out, char32_t cp);

}  // namespace thidua

#include "io/encoding/Cp1252.h"

#include <cstdint>

#include "base/Text.h"

namespace thidua {
namespace {

// Code points of cp1252 bytes 0x80..0x9F; undefined bytes map to the C1 control of equal value.
constexpr char32_t kHigh[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

std::optional<uint8_t> byte_of(char32_t cp) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<uint8_t>(cp);
    // Vietnamese letters (ă ơ ư ạ ...) fall outside the table at once.
    if (cp > 0x2122 || (cp > 0xFF && cp < 0x152) || (cp > 0x2DC && cp < 0x2013))
        return std::nullopt;
    for (uint8_t i = 0; i < 32; ++i) {
        if (kHigh[i] == cp) return static_cast<uint8_t>(0x80 + i);
    }
    return std::nullopt;
}

// Decodes one UTF-8 sequence at `i` (input is known valid); advances `i`.
char32_t next_code_point(std::string_view s, size_t& i) {
    const auto b = static_cast<uint8_t>(s[i]);
    const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? b : b & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + static_cast<size_t>(k) < s.size(); ++k)
        cp = (cp << 6) | (static_cast<uint8_t>(s[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(length);
    return cp;
}

}  // namespace

std::optional<std::string> utf8_to_cp1252(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const std::optional<uint8_t> b = byte_of(next_code_point(utf8, i));
        if (!b) return std::nullopt;
        out += static_cast<char>(*b);
    }
    return out;
}

Utf8CellCheck check_utf8_cell(std::string_view text) {
    Utf8CellCheck check;
    for (size_t i = 0; i < text.size();) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        const size_t length = utf8_sequence_length(text, i);
        if (length == 0) return {false, false, false};
        // A cell of real Vietnamese leaves cp1252 at its first letter with a mark.
        if (check.fits_cp1252) {
            size_t at = i;
            check.fits_cp1252 = byte_of(next_code_point(text, at)).has_value();
        }
        check.precomposed = check.precomposed && is_precomposed_latin_sequence(
                                                     b0, static_cast<unsigned char>(text[i + 1]));
        i += length;
    }
    return check;
}

bool fits_cp1252(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        if (!byte_of(next_code_point(utf8, i))) return false;
    }
    return true;
}

}  // namespace thidua

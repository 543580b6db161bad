#include "io/xlsx/CellText.h"
#include "base/Text.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "base/Date.h"

namespace thidua {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code point of "_xHHHH_" at the start of `text`, or -1.
int escape_at(std::string_view text) {
    if (text.size() < 7 || !text.starts_with("_x") || text[6] != '_') return -1;
    int value = 0;
    for (size_t i = 2; i < 6; ++i) {
        const int d = hex_digit(text[i]);
        if (d < 0) return -1;
        value = value * 16 + d;
    }
    return value;
}

std::optional<double> to_double(std::string_view text) {
    double value = 0;
    const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace

std::string unescape_ooxml(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const int cp = escape_at(text.substr(i));
        // Surrogate halves cannot stand alone in UTF-8; such an escape is kept as written.
        if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out += text[i++];
            continue;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        i += 7;
    }
    return out;
}

std::optional<std::string> serial_to_iso(std::string_view value, bool date1904) {
    const std::optional<double> serial = to_double(value);
    if (!serial || *serial < 0 || *serial > 2958465) return std::nullopt;
    auto days = static_cast<int32_t>(std::floor(*serial));
    // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was (day 60).
    if (date1904) return Date::from_ymd(1904, 1, 1)->plus_days(days).iso();
    if (days == 60 || days == 0) return std::nullopt;
    return Date::from_ymd(1900, 1, 1)->plus_days(days > 60 ? days - 2 : days - 1).iso();
}

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
    CellRef out;
    size_t i = 0;
    for (; i < ref.size() && i < 3; ++i) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        out.col = out.col * 26 + (c - 'A' + 1);
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    const auto [ptr, error] = std::from_chars(ref.data() + i, ref.data() + ref.size(), out.row);
    if (error != std::errc() || ptr != ref.data() + ref.size() || out.row < 1 || out.row > 1048576)
        return std::nullopt;
    out.col -= 1;
    return out;
}

std::string column_letters(int col) {
    std::string out;
    for (int n = col + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string plain_number(std::string_view value) {
    if (value.find_first_of("eE") == std::string_view::npos) return std::string(value);
    const std::optional<double> number = to_double(value);
    if (!number || std::trunc(*number) != *number || std::fabs(*number) >= 1e18)
        return std::string(value);
    return fmt::format("{}", static_cast<int64_t>(*number));
}

}  // namespace thidua

#include "io/dataset/CellParsers.h"

#include <array>
#include <charconv>
#include <cmath>

#include "base/Text.h"

namespace thidua {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (!is_digit(c)) return false;
    }
    return true;
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

// Folded, with '-', '_' and runs of blanks made one space: "Đang  xem-xét" -> "dang xem xet".
std::string words(std::string_view text) {
    std::string out;
    for (char c : fold(trim_cell(text))) {
        const bool blank = c == ' ' || c == '\t' || c == '-' || c == '_';
        if (!blank) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

template <size_t N>
bool one_of(std::string_view text, const std::array<std::string_view, N>& options) {
    for (std::string_view option : options) {
        if (text == option) return true;
    }
    return false;
}

// The number's text with a decimal comma made a point, or empty when it cannot be a number.
std::string normalized_number(std::string_view text) {
    if (text.starts_with('+')) {
        text.remove_prefix(1);
        if (text.starts_with('-')) return {};
    }
    std::string out(text);
    const size_t comma = out.find(',');
    if (comma != std::string::npos) {
        if (out.find('.') != std::string::npos || out.find(',', comma + 1) != std::string::npos)
            return {};
        out[comma] = '.';
    }
    // from_chars also takes "inf", "nan" and "-.5"-like forms; a cell must start with a digit.
    const size_t first = out.starts_with('-') ? 1 : 0;
    if (first >= out.size()) return {};
    const bool point_digit =
        out[first] == '.' && first + 1 < out.size() && is_digit(out[first + 1]);
    if (!is_digit(out[first]) && !point_digit) return {};
    return out;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::string_view rest = text.substr(10);
    // Exports of date-time cells: "2023-10-14 00:00:00" or "2023-10-14T00:00".
    if (!rest.empty()) {
        if (rest[0] != ' ' && rest[0] != 'T') return std::nullopt;
        for (char c : rest.substr(1)) {
            if (!is_digit(c) && c != ':' && c != '.') return std::nullopt;
        }
    }
    return Date::parse_iso(text.substr(0, 10));
}

std::optional<Date> parse_dmy_date(std::string_view text) {
    const size_t first = text.find_first_of("/-.");
    if (first == std::string_view::npos) return std::nullopt;
    const char separator = text[first];
    const size_t second = text.find(separator, first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const std::string_view day = text.substr(0, first);
    const std::string_view month = text.substr(first + 1, second - first - 1);
    const std::string_view year = text.substr(second + 1);
    if (!all_digits(day) || !all_digits(month) || !all_digits(year)) return std::nullopt;
    if (day.size() > 2 || month.size() > 2 || year.size() != 4) return std::nullopt;
    return Date::from_ymd(to_int(year), to_int(month), to_int(day));
}

// Excel's 1900 date system counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's phantom
// 1900-02-29 as day 60, so serials from 61 on are one day ahead of a true count.
std::optional<Date> parse_excel_serial(std::string_view text) {
    for (char c : text) {
        if (!is_digit(c) && c != '.' && c != ',') return std::nullopt;
    }
    const std::optional<double> value = parse_number(text);
    if (!value || *value < 1 || *value >= 2958466) return std::nullopt;
    const auto serial = static_cast<int32_t>(std::floor(*value));
    if (serial == 60) return std::nullopt;
    const Date first_day = *Date::from_ymd(1900, 1, 1);
    return first_day.plus_days(serial < 60 ? serial - 1 : serial - 2);
}

// Digits only ("2023", "87"), as nearly every numeric cell is: read without a copy.
std::optional<int64_t> plain_whole_number(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string_view trim_cell_edges(std::string_view text) {
    for (;;) {
        if (text.starts_with(' ') || text.starts_with('\t')) {
            text.remove_prefix(1);
        } else if (text.starts_with(kNoBreakSpace)) {
            text.remove_prefix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (text.ends_with(' ') || text.ends_with('\t')) {
            text.remove_suffix(1);
        } else if (text.ends_with(kNoBreakSpace)) {
            text.remove_suffix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    return text;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim_cell(text);
    if (const std::optional<int64_t> whole = plain_whole_number(text))
        return static_cast<double>(*whole);
    if (text.empty() || text.size() > 64) return std::nullopt;
    const std::string number = normalized_number(text);
    if (number.empty()) return std::nullopt;
    double value = 0;
    const char* end = number.data() + number.size();
    const auto [ptr, error] = std::from_chars(number.data(), end, value);
    if (error != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<int64_t> parse_integer(std::string_view text) {
    const std::optional<double> value = parse_number(text);
    // Beyond 2^53 a double no longer holds every integer.
    if (!value || std::trunc(*value) != *value || std::fabs(*value) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<int64_t>(*value);
}

std::optional<int> parse_year(std::string_view text) {
    // Four digits: a year column of millions of rows.
    if (text.size() == 4 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
        is_digit(text[3])) {
        const int year =
            ((text[0] - '0') * 10 + (text[1] - '0')) * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        if (year < kMinYear || year > kMaxYear) return std::nullopt;
        return year;
    }
    std::optional<int64_t> value = plain_whole_number(trim_cell(text));
    if (!value) value = parse_integer(text);
    if (!value || *value < kMinYear || *value > kMaxYear) return std::nullopt;
    return static_cast<int>(*value);
}

std::optional<Date> parse_date(std::string_view text) {
    text = trim_cell(text);
    if (auto date = parse_iso_date(text)) return date;
    if (auto date = parse_dmy_date(text)) return date;
    return parse_excel_serial(text);
}

std::optional<bool> parse_bool(std::string_view text) {
    static constexpr std::array<std::string_view, 6> kTrue = {"1", "true", "co",
                                                              "x", "yes",  "dung"};
    static constexpr std::array<std::string_view, 5> kFalse = {"0", "false", "khong", "no", "sai"};
    // Nearly every cell is "0", "1" or "x": answer those without folding.
    const std::string_view trimmed = trim_cell(text);
    if (trimmed == "1" || trimmed == "x" || trimmed == "X") return true;
    if (trimmed == "0") return false;
    const std::string key = words(trimmed);
    if (one_of(key, kTrue)) return true;
    if (one_of(key, kFalse)) return false;
    return std::nullopt;
}

std::optional<int8_t> parse_flag(std::string_view text) {
    if (text == "0" || text == "1") return static_cast<int8_t>(text[0] - '0');
    if (trim_cell(text).empty()) return kUnknown;
    const std::optional<bool> value = parse_bool(text);
    if (!value) return std::nullopt;
    return static_cast<int8_t>(*value ? 1 : 0);
}

std::optional<int8_t> parse_disciplined(std::string_view text) {
    static constexpr std::array<std::string_view, 4> kPending = {"review", "dang xem xet",
                                                                 "xem xet", "pending"};
    if (text == "0" || text == "1") return static_cast<int8_t>(text[0] - '0');
    const std::string_view trimmed = trim_cell(text);
    if (trimmed.empty()) return kUnknown;
    if (const std::optional<int8_t> flag = parse_flag(trimmed)) return flag;
    if (one_of(words(trimmed), kPending)) return kReview;
    return std::nullopt;
}

std::optional<Gender> parse_gender(std::string_view text) {
    if (text == "nu") return Gender::Female;
    if (text == "nam") return Gender::Male;
    const std::string key = words(text);
    if (key == "nu") return Gender::Female;
    if (key == "nam") return Gender::Male;
    return std::nullopt;
}

std::optional<double> parse_percentage(std::string_view text) {
    text = trim_cell(text);
    if (text.ends_with('%')) text.remove_suffix(1);
    const std::optional<double> value = parse_number(text);
    if (!value || *value < 0 || *value > 100) return std::nullopt;
    return value;
}

bool is_valid_id(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (!is_id_char(c)) return false;
    }
    return true;
}

std::optional<std::string> parse_period(std::string_view text) {
    std::string compact;
    const std::string_view trimmed = trim_cell(text);
    for (size_t i = 0; i < trimmed.size(); ++i) {
        // En and em dashes arrive from Word and autocorrect.
        if (trimmed.substr(i).starts_with("\xE2\x80\x93") ||
            trimmed.substr(i).starts_with("\xE2\x80\x94")) {
            compact += '-';
            i += 2;
        } else if (trimmed[i] != ' ') {
            compact += trimmed[i];
        }
    }
    const std::string_view first = std::string_view(compact).substr(0, 4);
    if (compact.size() == 4 && all_digits(first) && parse_year(first)) return compact;
    if (compact.size() != 9 || compact[4] != '-') return std::nullopt;
    const std::string_view last = std::string_view(compact).substr(5);
    if (!all_digits(first) || !all_digits(last)) return std::nullopt;
    const std::optional<int> from = parse_year(first), to = parse_year(last);
    if (!from || !to || *from > *to) return std::nullopt;
    return compact;
}

}  // namespace thidua

#pragma once
// Cell values as Excel users write them (DATA.md). Each parser takes the cell text, trims the
// blanks around it, and returns nullopt when the text is not a value of its kind; deciding what
// a blank cell means and reporting bad ones is the table reader's job.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/Date.h"
#include "model/Dataset.h"

namespace thidua {

constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;

// Spaces, tabs and no-break spaces (Excel keeps the ones pasted from the web) around a cell.
std::string_view trim_cell_edges(std::string_view text);
// Inline: it runs on every cell of every row, and nearly every cell has nothing to trim.
inline std::string_view trim_cell(std::string_view text) {
    const auto edge = [](char c) { return c == ' ' || c == '\t' || (c & 0x80) != 0; };
    if (text.empty() || (!edge(text.front()) && !edge(text.back()))) return text;
    return trim_cell_edges(text);
}

// "87.5", "87,5", "-3", "1e2"; no thousands separators.
std::optional<double> parse_number(std::string_view text);
// A whole number, also when Excel wrote it as "12.0" or "12,0".
std::optional<int64_t> parse_integer(std::string_view text);
// A whole year in kMinYear..kMaxYear.
std::optional<int> parse_year(std::string_view text);
// YYYY-MM-DD (optionally followed by a time, ignored), DD/MM/YYYY, D/M/YYYY (also with '-' or
// '.' between day and month), or an Excel serial day number of the 1900 date system.
std::optional<Date> parse_date(std::string_view text);
// 1/0, true/false, có/không, yes/no, đúng/sai, x for true; any case, diacritics optional.
std::optional<bool> parse_bool(std::string_view text);
// A tri-state flag: kUnknown for a blank cell, else 0 or 1.
std::optional<int8_t> parse_flag(std::string_view text);
// kUnknown for blank, 0, 1 (the boolean words too) or kReview ("review", "đang xem xét").
std::optional<int8_t> parse_disciplined(std::string_view text);
// `nu` or `nam`, any case, diacritics optional ("Nữ"). DATA.md allows nothing else.
std::optional<Gender> parse_gender(std::string_view text);
// A number from 0 to 100, with or without a trailing '%'.
std::optional<double> parse_percentage(std::string_view text);
// `[A-Za-z0-9._-]+`
bool is_valid_id(std::string_view text);
namespace cell_detail {
constexpr std::array<bool, 256> make_id_chars() {
    std::array<bool, 256> ok{};
    for (int c = 0; c < 256; ++c)
        ok[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                     (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    return ok;
}
inline constexpr std::array<bool, 256> kIdChars = make_id_chars();
}  // namespace cell_detail
// A character of an id; inline for the readers that cut ids out of a line by themselves.
inline bool is_id_char(char c) {
    return cell_detail::kIdChars[static_cast<unsigned char>(c)];
}
// "2023" or "2021-2025" (an en dash or spaces around the dash are accepted), both years in
// kMinYear..kMaxYear and in order; returned as "2021-2025".
std::optional<std::string> parse_period(std::string_view text);

}  // namespace thidua

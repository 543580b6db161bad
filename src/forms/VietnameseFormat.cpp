#include "forms/VietnameseFormat.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cmath>
#include <memory>

namespace thidua::forms {
namespace {

std::string day_text(int day) {
    return day < 10 ? fmt::format("0{}", day) : std::to_string(day);
}

std::string month_text(int month) {
    return month <= 2 ? fmt::format("0{}", month) : std::to_string(month);
}

std::string with_dots(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    const size_t lead = digits.size() % 3;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && i >= lead && (i - lead) % 3 == 0) out += '.';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string decimal_comma(double value, int decimals) {
    std::string s = fmt::format("{:.{}f}", value, decimals);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

// Case changes go through ICU: "đ" -> "Đ", and Vietnamese has no exceptions ICU does not know.
template <typename Change>
std::string with_icu(std::string_view text, Change change) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    change(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace

std::string date_words(Date d) {
    return fmt::format("ngày {} tháng {} năm {}", day_text(d.day()), month_text(d.month()),
                       d.year());
}

std::string date_numeric(Date d) {
    return fmt::format("{}/{}/{}", day_text(d.day()), month_text(d.month()), d.year());
}

std::string count_text(long long n) {
    return n >= 0 && n < 10 ? fmt::format("0{}", n) : std::to_string(n);
}

std::string money_text(long long dong) {
    return with_dots(dong) + " đồng";
}

// ICU's rule-based spell-out has Vietnamese rules ("một trăm lẻ năm", "hai mươi mốt").
std::string money_words(long long dong) {
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format;
    if (!format) {
        format = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                              icu::Locale("vi"), status);
        if (U_FAILURE(status)) {
            format.reset();
            return money_text(dong);
        }
    }
    icu::UnicodeString words;
    format->format(static_cast<int64_t>(dong), words);
    std::string out;
    words.toUTF8String(out);
    return capitalize_first(out) + " đồng";
}

std::string multiple_text(double multiple) {
    const double tenths = std::round(multiple * 10) / 10;
    return decimal_comma(multiple, std::abs(multiple - tenths) < 1e-9 ? 1 : 2);
}

std::string percent_text(double value) {
    const double rounded = std::round(value * 10) / 10;
    return std::abs(rounded - std::round(rounded)) < 1e-9 ? decimal_comma(rounded, 0)
                                                          : decimal_comma(rounded, 1);
}

std::string upper_vi(std::string_view text) {
    return with_icu(text, [](icu::UnicodeString& u) { u.toUpper(icu::Locale("vi")); });
}

std::string lower_vi(std::string_view text) {
    return with_icu(text, [](icu::UnicodeString& u) { u.toLower(icu::Locale("vi")); });
}

std::string capitalize_first(std::string_view text) {
    return with_icu(text, [](icu::UnicodeString& u) {
        if (u.length() > 0) u.replace(0, 1, icu::UnicodeString(u, 0, 1).toUpper(icu::Locale("vi")));
    });
}

std::string award_title(std::string_view name) {
    while (!name.empty() && name.back() == ' ')
        name.remove_suffix(1);
    if (!name.empty() && name.back() == ')') {
        const size_t open = name.rfind(" (");
        if (open != std::string_view::npos) name = name.substr(0, open);
    }
    return std::string(name);
}

}  // namespace thidua::forms

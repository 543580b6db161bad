#pragma once
// A calendar date as a day count, so that due dates and deadlines are plain integer arithmetic.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

class Date {
public:
    Date() = default;
    static std::optional<Date> from_ymd(int year, int month, int day);
    // Accepts YYYY-MM-DD only: the form plan files and the JSON contract use.
    static std::optional<Date> parse_iso(std::string_view text);
    static Date from_days(int32_t days) {
        Date d;
        d.m_days = days;
        return d;
    }

    int32_t days() const { return m_days; }
    int year() const;
    int month() const;
    int day() const;
    Date plus_days(int32_t n) const { return from_days(m_days + n); }
    std::string iso() const;  // 2023-10-14
    std::string dmy() const;  // 14/10/2023, as Vietnamese documents write it

    auto operator<=>(const Date&) const = default;

private:
    int32_t m_days = 0;  // days since 1970-01-01
};

}  // namespace thidua

#pragma once
// Working days of Vietnamese public bodies: Monday to Friday, less the public holidays and the
// days off that go with them, plus the Saturdays worked in exchange. The calendar is data
// (data/holidays-vn.csv, compiled in; the store may add days); this is the arithmetic.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/Date.h"

namespace thidua {

struct Holiday {
    Date date;
    bool worked = false;  // a Saturday worked in exchange (làm bù); otherwise a day off
    std::string name;
};

class HolidayCalendar {
public:
    HolidayCalendar() = default;
    explicit HolidayCalendar(const std::vector<Holiday>& days);

    // The calendar shipped with the product (data/holidays-vn.csv).
    static const HolidayCalendar& shipped();
    // Parses "date,kind,name" rows (kind `nghi` or `lam-bu`); the errors name the line.
    static HolidayCalendar parse(std::string_view csv, std::vector<std::string>& errors);

    // Later days replace earlier ones of the same date.
    void add(const Holiday& h);
    bool is_working_day(Date d) const;
    // Whether the calendar holds the year's days off at all.
    bool knows_year(int year) const;
    const Holiday* find(Date d) const;
    std::vector<Holiday> days() const;

    // The n-th working day after `from` ("trong n ngày làm việc kể từ ngày …": the day itself
    // does not count); `from` itself when n is 0.
    Date add_working_days(Date from, int n) const;

private:
    std::map<Date, Holiday> m_days;
    std::set<int> m_years;
};

}  // namespace thidua

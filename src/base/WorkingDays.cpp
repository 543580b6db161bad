#include "base/WorkingDays.h"

#include <stdexcept>

#include <fmt/format.h>

namespace thidua {

extern const char* const kShippedHolidaysCsv;

namespace {

// 1970-01-01, day 0, was a Thursday: 0 is Sunday, 6 Saturday.
int weekday(Date d) {
    return static_cast<int>(((d.days() % 7) + 7 + 4) % 7);
}

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t at = line.find(sep); at != std::string_view::npos; at = line.find(sep, start)) {
        out.push_back(line.substr(start, at - start));
        start = at + 1;
    }
    out.push_back(line.substr(start));
    return out;
}

}  // namespace

HolidayCalendar::HolidayCalendar(const std::vector<Holiday>& days) {
    for (const Holiday& h : days)
        add(h);
}

void HolidayCalendar::add(const Holiday& h) {
    m_days[h.date] = h;
    m_years.insert(h.date.year());
}

// A file of three plain columns, written by us: the dataset CSV reader (RFC 4180, BOM, encodings)
// is more than it needs.
HolidayCalendar HolidayCalendar::parse(std::string_view csv, std::vector<std::string>& errors) {
    HolidayCalendar out;
    int line_number = 0;
    for (std::string_view line : split(csv, '\n')) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line_number == 1) continue;  // the header
        const auto cells = split(line, ',');
        const auto date = cells.size() == 3 ? Date::parse_iso(cells[0]) : std::nullopt;
        if (!date || (cells[1] != "nghi" && cells[1] != "lam-bu")) {
            errors.push_back(fmt::format(
                "dòng {}: cần 'ngày (YYYY-MM-DD),nghi|lam-bu,tên'; có '{}'", line_number, line));
            continue;
        }
        out.add({*date, cells[1] == "lam-bu", std::string(cells[2])});
    }
    return out;
}

const HolidayCalendar& HolidayCalendar::shipped() {
    static const HolidayCalendar calendar = [] {
        std::vector<std::string> errors;
        HolidayCalendar c = parse(kShippedHolidaysCsv, errors);
        // The file is ours and tested (test_working_days); a bad row is a bug.
        if (!errors.empty()) throw std::logic_error("data/holidays-vn.csv: " + errors.front());
        return c;
    }();
    return calendar;
}

bool HolidayCalendar::is_working_day(Date d) const {
    if (const Holiday* h = find(d)) return h->worked;
    const int w = weekday(d);
    return w != 0 && w != 6;
}

bool HolidayCalendar::knows_year(int year) const {
    return m_years.contains(year);
}

const Holiday* HolidayCalendar::find(Date d) const {
    const auto it = m_days.find(d);
    return it == m_days.end() ? nullptr : &it->second;
}

std::vector<Holiday> HolidayCalendar::days() const {
    std::vector<Holiday> out;
    for (const auto& [date, h] : m_days)
        out.push_back(h);
    return out;
}

Date HolidayCalendar::add_working_days(Date from, int n) const {
    Date d = from;
    for (int counted = 0; counted < n;) {
        d = d.plus_days(1);
        if (is_working_day(d)) ++counted;
    }
    return d;
}

}  // namespace thidua

#include "eval/Deadlines.h"

#include <fmt/format.h>

namespace thidua {

std::optional<Date> registration_deadline(const PlanSpec& plan, const Period& period) {
    for (const DeadlineSpec& d : plan.registration.deadlines) {
        if (!selector_matches(d.periods, period)) continue;
        if (d.date) return d.date;
        return Date::from_ymd(period.last_year, d.month, d.day);
    }
    return std::nullopt;
}

namespace {

DueDate days_after(const DueSpec& due, Date event, const HolidayCalendar& holidays) {
    if (!due.working_days) return {event.plus_days(due.days), {}};
    const Date date = holidays.add_working_days(event, due.days);
    std::string note;
    for (int y = event.year(); y <= date.year(); ++y)
        if (!holidays.knows_year(y))
            note = fmt::format("chưa có lịch nghỉ lễ năm {}: chỉ trừ thứ Bảy, Chủ nhật", y);
    return {date, note};
}

}  // namespace

DueDate dossier_due(const DueSpec& due, const Period& period, const Dataset& data,
                    const HolidayCalendar& holidays) {
    switch (due.kind) {
        case DueSpec::Kind::Date:
            return {due.date, {}};
        case DueSpec::Kind::AfterEvent:
            for (const Event& e : data.events)
                if (e.event == due.event && e.year == period.last_year)
                    return days_after(due, e.date, holidays);
            return {std::nullopt, fmt::format("chưa có sự kiện {} năm {} trong dữ liệu", due.event,
                                              period.last_year)};
        default:
            return {std::nullopt, "kế hoạch không quy định hạn nộp"};
    }
}

}  // namespace thidua

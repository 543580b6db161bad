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

DueDate dossier_due(const DueSpec& due, const Period& period, const Dataset& data) {
    switch (due.kind) {
        case DueSpec::Kind::Date:
            return {due.date, {}};
        case DueSpec::Kind::AfterEvent:
            for (const Event& e : data.events)
                if (e.event == due.event && e.year == period.last_year)
                    return {e.date.plus_days(due.days), {}};
            return {std::nullopt, fmt::format("chưa có sự kiện {} năm {} trong dữ liệu", due.event,
                                              period.last_year)};
        default:
            return {std::nullopt, "kế hoạch không quy định hạn nộp"};
    }
}

}  // namespace thidua

#pragma once
// One calendar of a plan: the registration deadline of each period, the dossier due dates of each
// period's awards (from the plan's rule and the dated events; undated ones say why), and the
// plan's dated meetings. Pure: the dataset gives the events, the holiday calendar the working days.

#include <optional>
#include <string>
#include <vector>

#include "base/WorkingDays.h"
#include "model/Dataset.h"
#include "plan/CompiledPlan.h"

namespace thidua {

enum class CalendarKind { Registration, Dossier, Meeting };

const char* calendar_kind_id(CalendarKind k);  // "registration", "dossier", "meeting"

struct CalendarEntry {
    CalendarKind kind = CalendarKind::Registration;
    std::string period;               // "" for a meeting
    std::vector<std::string> awards;  // a dossier entry: the awards sharing that due date
    std::string title;                // Vietnamese
    std::optional<Date> date;
    std::string note;  // why there is no date, or what the working days could not count
};

// By date; undated entries last, in plan order.
std::vector<CalendarEntry> plan_calendar(const CompiledPlan& plan, const Dataset& data,
                                         const HolidayCalendar& holidays);

}  // namespace thidua

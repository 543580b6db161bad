#pragma once
// Dates the plan derives: the registration deadline of a period and a dossier's due date.

#include <optional>
#include <string>

#include "base/WorkingDays.h"
#include "model/Dataset.h"
#include "plan/Period.h"
#include "plan/PlanSpec.h"

namespace thidua {

std::optional<Date> registration_deadline(const PlanSpec& plan, const Period& period);

struct DueDate {
    std::optional<Date> date;
    std::string note;  // why there is none (no rule, no event yet), or what it could not count
};

// Working days are counted on `holidays`; a year it does not know is counted on weekends only,
// and the note says so.
DueDate dossier_due(const DueSpec& due, const Period& period, const Dataset& data,
                    const HolidayCalendar& holidays = HolidayCalendar::shipped());

}  // namespace thidua

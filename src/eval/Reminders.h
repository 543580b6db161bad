#pragma once
// Which reminders fire on a day: for each open obligation (a unit not yet registered, a dossier
// not yet submitted), a week, three days and one day before its date, on the day, and once the
// day after it passed. Pure: `today` is given, so a test steps through the days.

#include <string>
#include <vector>

#include "base/Date.h"

namespace thidua {

// Days before the date a reminder fires; the day after the date fires once more as overdue.
inline constexpr int kReminderDaysBefore[] = {7, 3, 1, 0};

struct Obligation {
    std::string key;  // stable: "dang-ky:PLAN:PERIOD:unit:ID", "ho-so:PLAN:PERIOD:AWARD:ID"
    std::string plan_id;
    std::string period;
    std::string unit_id;  // the unit that must act (a person's unit for a person)
    std::string title;    // Vietnamese: what is due
    std::string link;     // the page to act on, "#/dang-ky/PLAN/PERIOD"
    Date due;
};

struct Reminder {
    Obligation obligation;
    int days_left = 0;  // negative: overdue
    std::string tag;    // "7", "3", "1", "0" or "qua-han": with the key, fires once
};

std::vector<Reminder> reminders_due(const std::vector<Obligation>& obligations, Date today);

// "Còn 3 ngày: …", "Hôm nay là hạn: …", "Đã quá hạn: …".
std::string reminder_text(const Reminder& r);

}  // namespace thidua

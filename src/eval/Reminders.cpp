#include "eval/Reminders.h"

#include <fmt/format.h>

namespace thidua {

std::vector<Reminder> reminders_due(const std::vector<Obligation>& obligations, Date today) {
    std::vector<Reminder> out;
    for (const Obligation& o : obligations) {
        const int left = o.due.days() - today.days();
        if (left == -1) {
            out.push_back({o, left, "qua-han"});
            continue;
        }
        for (int before : kReminderDaysBefore)
            if (left == before) out.push_back({o, left, std::to_string(before)});
    }
    return out;
}

std::string reminder_text(const Reminder& r) {
    const std::string due = r.obligation.due.dmy();
    if (r.days_left < 0) return fmt::format("Đã quá hạn ({}): {}", due, r.obligation.title);
    if (r.days_left == 0) return fmt::format("Hôm nay ({}) là hạn: {}", due, r.obligation.title);
    return fmt::format("Còn {} ngày (hạn {}): {}", r.days_left, due, r.obligation.title);
}

}  // namespace thidua

#include "eval/PlanCalendar.h"

#include <algorithm>

#include <fmt/format.h>

#include "eval/Deadlines.h"
#include "plan/Period.h"

namespace thidua {
namespace {

void add_dossiers(const CompiledPlan& plan, const Dataset& data, const HolidayCalendar& holidays,
                  const Period& period, std::vector<CalendarEntry>& out) {
    const size_t first = out.size();
    for (const CompiledAward& award : plan.awards) {
        if (!selector_matches(award.spec->periods, period) || award.dossier == nullptr) continue;
        const DueDate due = dossier_due(award.dossier->due, period, data, holidays);
        if (due.date == std::nullopt && award.dossier->due.kind == DueSpec::Kind::None) continue;
        // Awards with the same due date share one entry.
        auto same = std::find_if(
            out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [&](const CalendarEntry& e) { return e.date == due.date && e.note == due.note; });
        if (same != out.end()) {
            if (std::find(same->awards.begin(), same->awards.end(), award.spec->id) ==
                same->awards.end())
                same->awards.push_back(award.spec->id);
            continue;
        }
        CalendarEntry e;
        e.kind = CalendarKind::Dossier;
        e.period = period.id;
        e.awards = {award.spec->id};
        e.title = fmt::format("Hạn nộp hồ sơ đề nghị khen thưởng {}", period_words(period));
        e.date = due.date;
        e.note = due.note;
        out.push_back(std::move(e));
    }
}

}  // namespace

const char* calendar_kind_id(CalendarKind k) {
    switch (k) {
        case CalendarKind::Registration:
            return "registration";
        case CalendarKind::Dossier:
            return "dossier";
        default:
            return "meeting";
    }
}

std::vector<CalendarEntry> plan_calendar(const CompiledPlan& plan, const Dataset& data,
                                         const HolidayCalendar& holidays) {
    std::vector<CalendarEntry> out;
    for (const Period& period : plan_periods(plan.spec)) {
        if (const auto deadline = registration_deadline(plan.spec, period)) {
            CalendarEntry e;
            e.kind = CalendarKind::Registration;
            e.period = period.id;
            e.title = fmt::format("Hạn đăng ký thi đua {}", period_words(period));
            e.date = deadline;
            out.push_back(std::move(e));
        }
        add_dossiers(plan, data, holidays, period, out);
    }
    for (const MilestoneSpec& m : plan.spec.milestones) {
        CalendarEntry e;
        e.kind = CalendarKind::Meeting;
        e.title = m.name;
        e.date = m.date;
        if (!m.date) e.note = m.when;
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const CalendarEntry& a, const CalendarEntry& b) {
        if (a.date && b.date) return *a.date < *b.date;
        return a.date.has_value() && !b.date.has_value();
    });
    return out;
}

}  // namespace thidua

// The calendar of a seed plan, from PLANS.md by hand, and the reminders a fixed clock fires.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "eval/PlanCalendar.h"
#include "eval/Reminders.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"

namespace thidua {
namespace {

const std::filesystem::path kSource = THIDUA_SOURCE_DIR;

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

TEST(PlanCalendar, KienGiangDeadlinesDueDatesAndReview) {
    auto plan = load_plan(kSource / "plans" / "kien-giang-2021-2025.yaml");
    ASSERT_TRUE(plan);
    auto data = read_dataset_path(kSource / "samples" / "kien-giang-2021-2025");
    ASSERT_TRUE(data);
    const auto entries = plan_calendar(**plan, *data, HolidayCalendar::shipped());
    auto find = [&](CalendarKind kind, const std::string& period) -> const CalendarEntry* {
        for (const CalendarEntry& e : entries)
            if (e.kind == kind && e.period == period) return &e;
        return nullptr;
    };
    // Registration: the phase, 2021 and 2022 by 30/3/2022; later years by 30/3 of the year.
    for (const char* p : {"2021-2025", "2021", "2022"})
        EXPECT_EQ(find(CalendarKind::Registration, p)->date, d(2022, 3, 30)) << p;
    EXPECT_EQ(find(CalendarKind::Registration, "2024")->date, d(2024, 3, 30));
    // Dossiers: 15 calendar days after results-recognized of the year (the phase: of 2025,
    // 30/01/2026 in the sample), so 14/02/2026; 2023: 12/03/2024 + 15 = 27/03/2024.
    const CalendarEntry* phase = find(CalendarKind::Dossier, "2021-2025");
    ASSERT_NE(phase, nullptr);
    EXPECT_EQ(phase->date, d(2026, 2, 14));
    EXPECT_NE(std::find(phase->awards.begin(), phase->awards.end(), "co-thi-dua"),
              phase->awards.end());
    EXPECT_EQ(find(CalendarKind::Dossier, "2023")->date, d(2024, 3, 27));
    // The review meeting has no date in the plan: listed last, with its words.
    EXPECT_EQ(entries.back().kind, CalendarKind::Meeting);
    EXPECT_FALSE(entries.back().date);
    EXPECT_NE(entries.back().note.find("tổng kết"), std::string::npos);
    // In date order.
    for (size_t i = 1; i < entries.size(); ++i) {
        if (entries[i].date) {
            EXPECT_LE(*entries[i - 1].date, *entries[i].date);
        }
    }
}

TEST(Reminders, AFixedClockFiresAWeekThreeDaysOneDayTheDayAndOnceOverdue) {
    Obligation o;
    o.key = "ho-so:kien-giang-2021-2025:2021-2025:co-thi-dua:KG-X-AT";
    o.title = "Hồ sơ đề nghị Cờ thi đua của phường An Thới";
    o.due = d(2026, 2, 14);
    std::vector<std::pair<std::string, std::string>> fired;  // (day, tag)
    for (Date day = d(2026, 2, 1); day <= d(2026, 2, 28); day = day.plus_days(1))
        for (const Reminder& r : reminders_due({o}, day))
            fired.emplace_back(day.iso(), r.tag);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"2026-02-07", "7"}, {"2026-02-11", "3"},       {"2026-02-13", "1"},
        {"2026-02-14", "0"}, {"2026-02-15", "qua-han"},
    };
    EXPECT_EQ(fired, expected);
}

TEST(Reminders, TheTextSaysHowLongIsLeft) {
    Obligation o;
    o.title = "Đăng ký thi đua năm 2026";
    o.due = d(2026, 3, 30);
    EXPECT_EQ(reminder_text({o, 3, "3"}), "Còn 3 ngày (hạn 30/03/2026): Đăng ký thi đua năm 2026");
    EXPECT_EQ(reminder_text({o, 0, "0"}), "Hôm nay (30/03/2026) là hạn: Đăng ký thi đua năm 2026");
    EXPECT_EQ(reminder_text({o, -1, "qua-han"}),
              "Đã quá hạn (30/03/2026): Đăng ký thi đua năm 2026");
}

}  // namespace
}  // namespace thidua

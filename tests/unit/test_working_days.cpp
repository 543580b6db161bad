// Working days of Vietnamese public bodies, counted by hand on the published calendar
// (data/holidays-vn.csv), and a plan's due date in working days.

#include <gtest/gtest.h>

#include "base/WorkingDays.h"
#include "eval/Deadlines.h"
#include "io/plan/PlanLoader.h"

namespace thidua {
namespace {

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

TEST(WorkingDays, TheShippedCalendarParsesAndKnowsItsYears) {
    const HolidayCalendar& c = HolidayCalendar::shipped();
    for (int y = 2021; y <= 2026; ++y)
        EXPECT_TRUE(c.knows_year(y)) << y;
    EXPECT_FALSE(c.knows_year(2031));
    ASSERT_NE(c.find(d(2025, 1, 29)), nullptr);
    EXPECT_EQ(c.find(d(2025, 1, 29))->name, "Tết Nguyên đán Ất Tỵ");
}

TEST(WorkingDays, FifteenWorkingDaysAcrossTetAtTy) {
    // From Monday 20/01/2025: 21–24/01 are 1–4; 25–26 a weekend; 27–31/01 Tết; 1–2/02 a weekend;
    // 3–7/02 are 5–9, 10–14/02 are 10–14, Monday 17/02 the 15th.
    const HolidayCalendar& c = HolidayCalendar::shipped();
    EXPECT_EQ(c.add_working_days(d(2025, 1, 20), 15), d(2025, 2, 17));
    // Calendar days would have given 04/02.
    EXPECT_EQ(d(2025, 1, 20).plus_days(15), d(2025, 2, 4));
}

TEST(WorkingDays, ASaturdayWorkedInExchangeCounts) {
    // 2024: Monday 29/04 swapped, 30/04 and 01/05 holidays, Saturday 04/05 worked. From Friday
    // 26/04: 02/05 is 1, 03/05 is 2, Saturday 04/05 is 3.
    const HolidayCalendar& c = HolidayCalendar::shipped();
    EXPECT_FALSE(c.is_working_day(d(2024, 4, 29)));
    EXPECT_TRUE(c.is_working_day(d(2024, 5, 4)));
    EXPECT_EQ(c.add_working_days(d(2024, 4, 26), 3), d(2024, 5, 4));
}

TEST(WorkingDays, ZeroDaysIsTheDayItself) {
    EXPECT_EQ(HolidayCalendar::shipped().add_working_days(d(2025, 1, 25), 0), d(2025, 1, 25));
}

TEST(WorkingDays, BadRowsAreNamedByLine) {
    std::vector<std::string> errors;
    const HolidayCalendar c = HolidayCalendar::parse(
        "date,kind,name\n2030-01-01,nghi,Tết Dương lịch\n01/05/2030,nghi,X\n"
        "2030-05-02,nghỉ,Y\n",
        errors);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_NE(errors[0].find("dòng 3"), std::string::npos);
    EXPECT_NE(errors[1].find("dòng 4"), std::string::npos);
    EXPECT_FALSE(c.is_working_day(d(2030, 1, 1)));
    EXPECT_TRUE(c.knows_year(2030));
}

const char* kPlan = R"(id: demo
title: Kế hoạch thử
issuer: {name: UBND tỉnh}
groups:
  - {id: so, name: Sở, types: [department]}
periods:
  annual: {from: 2024, to: 2025}
dossier:
  documents:
    - {id: to-trinh, name: Tờ trình}
  due: {after_event: results-recognized, working_days: 15}
awards:
  - id: bk
    name: Bằng khen
    kind: collective
    periods: annual
    groups: {so: 2}
    criteria:
      - id: xs
        label: Xuất sắc
        rule: par_rating == xuat-sac
)";

TEST(WorkingDays, APlanDueInWorkingDays) {
    auto plan = load_plan_text(kPlan, "demo.yaml");
    ASSERT_TRUE(plan) << plan.error().front().format();
    const DueSpec& due = (*plan)->spec.dossier.due;
    EXPECT_TRUE(due.working_days);
    EXPECT_EQ(due.days, 15);
    Dataset data;
    data.events.push_back({"results-recognized", 2025, d(2025, 1, 20)});
    Period period;
    period.id = "2025";
    period.first_year = period.last_year = 2025;
    const DueDate got = dossier_due(due, period, data);
    ASSERT_TRUE(got.date);
    EXPECT_EQ(*got.date, d(2025, 2, 17));
    EXPECT_TRUE(got.note.empty());
    // A year without a calendar is counted on weekends only, and said so.
    data.events = {{"results-recognized", 2025, d(2025, 1, 20)}};
    const DueDate bare = dossier_due(due, period, data, HolidayCalendar{});
    EXPECT_EQ(*bare.date, d(2025, 2, 10));
    EXPECT_NE(bare.note.find("chưa có lịch nghỉ lễ năm 2025"), std::string::npos);
}

TEST(WorkingDays, DaysAndWorkingDaysTogetherAreAnError) {
    std::string text = kPlan;
    const std::string from = "working_days: 15}";
    text.replace(text.find(from), from.size(), "working_days: 15, days: 20}");
    auto plan = load_plan_text(text, "demo.yaml");
    ASSERT_FALSE(plan);
    EXPECT_NE(plan.error().front().format().find("demo.yaml:11:"), std::string::npos)
        << plan.error().front().format();
}

}  // namespace
}  // namespace thidua

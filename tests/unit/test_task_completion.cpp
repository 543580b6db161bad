// The completion rate a unit's PAR tasks give, counted by hand.

#include <gtest/gtest.h>

#include "eval/TaskCompletion.h"

namespace thidua {
namespace {

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

TaskTiming task(Date due, TaskStatus status, std::optional<Date> done = std::nullopt) {
    TaskTiming t;
    t.due = due;
    t.status = status;
    t.done_on = done;
    return t;
}

TEST(TaskCompletion, OnTimeOverAllButTheCancelled) {
    const std::vector<TaskTiming> tasks = {
        task(d(2023, 6, 30), TaskStatus::Done, d(2023, 6, 30)),  // on the due day: on time
        task(d(2023, 9, 30), TaskStatus::Done, d(2023, 10, 2)),  // two days late
        task(d(2023, 12, 31), TaskStatus::Cancelled),            // not counted
        task(d(2023, 11, 30), TaskStatus::InProgress),           // open, past due on 1/12
    };
    const CompletionCount c = count_completion(tasks, d(2023, 12, 1));
    EXPECT_EQ(c.total, 3);
    EXPECT_EQ(c.on_time, 1);
    EXPECT_EQ(c.late, 1);
    EXPECT_EQ(c.open, 1);
    EXPECT_EQ(c.overdue, 1);
    ASSERT_TRUE(c.percent);
    EXPECT_DOUBLE_EQ(*c.percent, 100.0 / 3);
}

TEST(TaskCompletion, AnOpenTaskNotYetDueIsNotOverdue) {
    const std::vector<TaskTiming> tasks = {task(d(2024, 3, 31), TaskStatus::Planned)};
    const CompletionCount early = count_completion(tasks, d(2024, 3, 31));
    EXPECT_EQ(early.open, 1);
    EXPECT_EQ(early.overdue, 0);
    EXPECT_EQ(count_completion(tasks, d(2024, 4, 1)).overdue, 1);
}

TEST(TaskCompletion, DoneWithoutADateCountsAsLate) {
    EXPECT_FALSE(done_on_time(task(d(2023, 6, 30), TaskStatus::Done)));
    EXPECT_TRUE(done_on_time(task(d(2023, 6, 30), TaskStatus::Done, d(2023, 1, 5))));
    EXPECT_FALSE(done_on_time(task(d(2023, 6, 30), TaskStatus::InProgress, d(2023, 1, 5))));
}

TEST(TaskCompletion, NoTaskGivesNoRate) {
    EXPECT_FALSE(count_completion({}, d(2023, 1, 1)).percent);
    EXPECT_FALSE(
        count_completion({task(d(2023, 6, 30), TaskStatus::Cancelled)}, d(2023, 1, 1)).percent);
}

TEST(TaskCompletion, StatusIdsRoundTrip) {
    for (TaskStatus s :
         {TaskStatus::Planned, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled})
        EXPECT_EQ(task_status_of(task_status_id(s)), s);
    EXPECT_FALSE(task_status_of("xong"));
    EXPECT_EQ(task_status_label(TaskStatus::Done), "Đã hoàn thành");
}

}  // namespace
}  // namespace thidua

#pragma once
// A unit's yearly PAR tasks and the completion rate they give: the share of the year's tasks done
// by their due date. This is the `task_completion` fact the plans test ("hoàn thành 100% nhiệm vụ
// CCHC"), computed instead of typed in; Home Affairs may still override it with a reason.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Date.h"

namespace thidua {

enum class TaskStatus { Planned, InProgress, Done, Cancelled };

std::string_view task_status_id(TaskStatus s);  // "planned", "in-progress", "done", "cancelled"
std::optional<TaskStatus> task_status_of(std::string_view id);
std::string_view task_status_label(TaskStatus s);  // Vietnamese

struct TaskTiming {
    Date due;
    TaskStatus status = TaskStatus::Planned;
    std::optional<Date> done_on;
};

// Done by its due date; a task done without a date counts as late, since nothing shows it was on
// time.
bool done_on_time(const TaskTiming& t);

struct CompletionCount {
    int total = 0;    // not cancelled
    int on_time = 0;  // done by the due date
    int late = 0;     // done after the due date
    int open = 0;     // not done yet
    int overdue = 0;  // open and past due on `today`
    // on_time / total × 100; none when the year has no task (then the imported value stands).
    std::optional<double> percent;
};

CompletionCount count_completion(const std::vector<TaskTiming>& tasks, Date today);

// Which value of a unit-year's `task_completion` the evaluation reads: Home Affairs' override
// (not withdrawn), else the tasks' rate (none, i.e. unknown, while a task can still be done on
// time), else the imported value.
enum class CompletionSource { None, Override, Tasks, Imported };
std::string_view completion_source_id(CompletionSource s);  // "none", "override", …

struct EffectiveCompletion {
    CompletionSource source = CompletionSource::None;
    std::optional<double> value;
};

EffectiveCompletion effective_completion(const CompletionCount& tasks,
                                         std::optional<double> overridden,
                                         std::optional<double> imported);

}  // namespace thidua

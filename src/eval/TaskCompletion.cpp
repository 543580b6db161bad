#include "eval/TaskCompletion.h"

#include <array>
#include <utility>

namespace thidua {
namespace {

struct StatusName {
    TaskStatus status;
    std::string_view id;
    std::string_view label;
};

constexpr std::array<StatusName, 4> kStatuses = {{
    {TaskStatus::Planned, "planned", "Chưa thực hiện"},
    {TaskStatus::InProgress, "in-progress", "Đang thực hiện"},
    {TaskStatus::Done, "done", "Đã hoàn thành"},
    {TaskStatus::Cancelled, "cancelled", "Đã hủy"},
}};

}  // namespace

std::string_view task_status_id(TaskStatus s) {
    for (const StatusName& n : kStatuses)
        if (n.status == s) return n.id;
    return "planned";
}

std::optional<TaskStatus> task_status_of(std::string_view id) {
    for (const StatusName& n : kStatuses)
        if (n.id == id) return n.status;
    return std::nullopt;
}

std::string_view task_status_label(TaskStatus s) {
    for (const StatusName& n : kStatuses)
        if (n.status == s) return n.label;
    return "";
}

bool done_on_time(const TaskTiming& t) {
    return t.status == TaskStatus::Done && t.done_on && !(t.due < *t.done_on);
}

CompletionCount count_completion(const std::vector<TaskTiming>& tasks, Date today) {
    CompletionCount c;
    for (const TaskTiming& t : tasks) {
        if (t.status == TaskStatus::Cancelled) continue;
        ++c.total;
        if (t.status == TaskStatus::Done) {
            if (done_on_time(t))
                ++c.on_time;
            else
                ++c.late;
        } else {
            ++c.open;
            if (t.due < today) ++c.overdue;
        }
    }
    if (c.total > 0) c.percent = 100.0 * c.on_time / c.total;
    return c;
}

std::string_view completion_source_id(CompletionSource s) {
    switch (s) {
        case CompletionSource::Override:
            return "override";
        case CompletionSource::Tasks:
            return "tasks";
        case CompletionSource::Imported:
            return "imported";
        default:
            return "none";
    }
}

EffectiveCompletion effective_completion(const CompletionCount& tasks,
                                         std::optional<double> overridden,
                                         std::optional<double> imported) {
    if (overridden) return {CompletionSource::Override, overridden};
    if (tasks.total > 0) {
        const bool pending = tasks.open > tasks.overdue;
        return {CompletionSource::Tasks, pending ? std::nullopt : tasks.percent};
    }
    if (imported) return {CompletionSource::Imported, imported};
    return {};
}

}  // namespace thidua

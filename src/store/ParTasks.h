#pragma once
// Units' yearly PAR tasks and Home Affairs' overrides of the completion rate they give. A task is
// edited in place (status, dates, wording) and every edit is audited with its before and after;
// nothing is deleted. Overrides are versions: the latest per unit and year stands.

#include <optional>
#include <vector>

#include "eval/TaskCompletion.h"
#include "store/SqlConnection.h"

namespace thidua::store {

// A stored task as the completion count (eval/TaskCompletion) reads it.
TaskTiming task_timing(const ParTask& t);

// Sets `id`, `created_at` and `updated_*` from `created_by`.
Result<ParTask> add_par_task(SqlConnection& db, ParTask t);
// Writes every field but the creation; nullopt when there is no task `t.id`.
Result<std::optional<ParTask>> update_par_task(SqlConnection& db, ParTask t);
Result<std::optional<ParTask>> find_par_task(SqlConnection& db, int64_t id);
// A unit's tasks (every unit when `unit_id` is empty) of a year (every year when 0), by year,
// due date and id.
Result<std::vector<ParTask>> list_par_tasks(SqlConnection& db, const std::string& unit_id,
                                            int year);

// Sets `entered_at`.
Result<TaskCompletionOverride> save_task_completion_override(SqlConnection& db,
                                                             TaskCompletionOverride o);
// The latest override of each unit and year (of one unit when `unit_id` is set), withdrawn ones
// included (value none).
Result<std::vector<TaskCompletionOverride>> latest_task_completion_overrides(
    SqlConnection& db, const std::string& unit_id);

}  // namespace thidua::store

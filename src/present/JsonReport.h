#pragma once
// The `thidua evaluate --format json` document of DATA.md.

#include <ostream>

#include <nlohmann/json.hpp>

#include "eval/Evaluation.h"

namespace thidua {

void write_json(const EvaluationResult& result, std::ostream& out);
// A group's council decision beside the ranking's (the "council" member of a group).
nlohmann::json council_json(const CouncilOutcome& council, const Dataset& data);
// What both the full document and the summary open with: plan, period, its kind and years.
nlohmann::ordered_json evaluation_head(const EvaluationResult& result);
// A group's head: id, name, quota, selected, tied, open seats, the council's decision.
nlohmann::ordered_json group_head_json(const GroupOutcome& group, const EvaluationResult& result);
// The ids of units or people, in order, as a JSON array.
nlohmann::json subject_ids(const Dataset& data, const std::vector<Subject>& subjects);

}  // namespace thidua

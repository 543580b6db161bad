#pragma once
// The `thidua evaluate --format json` document of DATA.md.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/Evaluation.h"

namespace thidua {

void write_json(const EvaluationResult& result, std::ostream& out);

// One group of a page of the document (the web API's paged evaluation): which of its candidates
// are written, and where they sit among those matching the request's filter.
struct GroupPage {
    size_t group = 0;           // index into AwardOutcome::groups
    std::vector<size_t> shown;  // indexes into GroupOutcome::candidates, in rank order
    size_t total = 0;           // candidates matching the filter
    size_t offset = 0;
    std::optional<size_t> limit;  // none: every matching candidate
};

struct AwardPage {
    size_t award = 0;  // index into EvaluationResult::awards
    std::vector<GroupPage> groups;
};

// The document with only the listed awards, groups and candidates. Each group also has "counts"
// (its candidates by status, unfiltered), "with_lineage" (how many of them a reorganisation
// touched), "total", "offset", "limit" (null for all) and "next_offset" (null on the last page).
// Only the shown candidates are serialized. "names" (id → name) covers every subject the page
// names outside its candidates: selected, tied, the council's ranking, dossier subjects.
void write_json_page(const EvaluationResult& result, const std::vector<AwardPage>& awards,
                     std::ostream& out);

// One candidate as the document lists it: criteria with detail and reason, needs, lineage.
nlohmann::ordered_json candidate_json(const CandidateOutcome& candidate,
                                      const EvaluationResult& result);

// Every entry of the unit or person `id` across the awards and groups:
// {"plan","period","id","name","entries":[{"award","award_name","kind","group","candidate"}]};
// null when it is no candidate of this evaluation.
nlohmann::ordered_json candidate_entries_json(const EvaluationResult& result, std::string_view id);
// A group's council decision beside the ranking's (the "council" member of a group).
nlohmann::json council_json(const CouncilOutcome& council, const Dataset& data);
// What both the full document and the summary open with: plan, period, its kind and years.
nlohmann::ordered_json evaluation_head(const EvaluationResult& result);
// A group's head: id, name, quota, selected, tied, open seats, the council's decision.
nlohmann::ordered_json group_head_json(const GroupOutcome& group, const EvaluationResult& result);
// The ids of units or people, in order, as a JSON array.
nlohmann::json subject_ids(const Dataset& data, const std::vector<Subject>& subjects);

}  // namespace thidua

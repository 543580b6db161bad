#pragma once
// The candidates a plan's documents propose: those selected by the evaluation, award by award in
// plan order and rank order within each group; and those tied on the last seats, whom the
// council must decide between.

#include <string>
#include <string_view>
#include <vector>

#include "eval/Evaluation.h"

namespace thidua::forms {

struct Proposal {
    const AwardOutcome* award = nullptr;
    const GroupOutcome* group = nullptr;
    const CandidateOutcome* candidate = nullptr;
};

// `award_id` empty: every award.
std::vector<Proposal> selected_proposals(const EvaluationResult& r, std::string_view award_id);
std::vector<Proposal> tied_proposals(const EvaluationResult& r, std::string_view award_id);

// The group's name as the plan writes it ("Các sở, ban, ngành tỉnh"); "Cá nhân" for individuals.
std::string group_name(const EvaluationResult& r, const Proposal& p);
// For a person, their unit in the period's last year; for a unit, its parent. "" if none.
std::string unit_of(const EvaluationResult& r, Subject s);
// "Đạt các tiêu chuẩn: <label>; <label>." over the criteria the candidate passed: the list's
// column stays short; the evidence is in the achievement report and the evaluation workbook.
std::string achievement_text(const EvaluationResult& r, const CandidateOutcome& c);
// Distinct award titles of the proposals, in order, joined with ", " ("Cờ thi đua ..., Bằng khen").
std::string award_titles(const std::vector<Proposal>& proposals);

}  // namespace thidua::forms

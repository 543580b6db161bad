#pragma once
// Words for the evidence behind a decision: the values a criterion used ("par_class 2021 tot,
// 2022 xuat-sac") and the facts that were missing ("unit_years:par_rating:2024").

#include <string>
#include <vector>

#include "eval/Evaluation.h"

namespace thidua {

enum class Wording { Ids, Vietnamese };

std::string subject_id(const Dataset& data, Subject s);
std::string subject_name(const Dataset& data, Subject s);

// The evidence of one criterion; `candidate` is left out of the text, other subjects are named.
std::string explain(const CriterionOutcome& c, const EvaluationResult& r, Subject candidate,
                    Wording wording);
std::string missing_fact(const expr::MissingFact& m, const Dataset& data, Subject candidate);
// What a candidate still needs, in words: one line per fact with its years ("Điểm chỉ số CCHC:
// 2026, 2027"), in the order first met; another subject's facts name it.
std::vector<std::string> missing_facts_vi(const std::vector<expr::MissingFact>& facts,
                                          const Dataset& data, Subject candidate);
std::string format_number(double v);
const char* result_vi(expr::Tri t);
const char* status_vi(Status s);

// A merged or closed unit's decision in words, with the statuses under each history rule when
// they differ (docs/LINEAGE.md).
std::string lineage_vi(const LineageOutcome& lineage);

}  // namespace thidua

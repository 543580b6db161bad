#pragma once
// `thidua evaluate --format summary`: one small JSON document with, per award and group, the
// quota, the selection, the ties, the open seats and how many candidates are eligible,
// ineligible or incomplete — no per-candidate evidence, so it suits an evaluation run without
// traces (EvaluateOptions::trace = false) over millions of candidates.

#include <ostream>

#include "eval/Evaluation.h"

namespace thidua {

void write_summary_json(const EvaluationResult& result, std::ostream& out);

}  // namespace thidua

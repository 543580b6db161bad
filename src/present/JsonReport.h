#pragma once
// The `thidua evaluate --format json` document of DATA.md.

#include <ostream>

#include "eval/Evaluation.h"

namespace thidua {

void write_json(const EvaluationResult& result, std::ostream& out);

}  // namespace thidua

#pragma once
// The readable Vietnamese summary of an evaluation: per award and group, who is selected, who is
// tied for the council, the open seats, and why each runner-up did not make it.

#include <ostream>

#include "eval/Evaluation.h"

namespace thidua {

void write_table(const EvaluationResult& result, std::ostream& out);

}  // namespace thidua

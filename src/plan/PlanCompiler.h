#pragma once
// Checks a PlanSpec as a whole and compiles its expressions. Every problem is reported with the
// file:line:col it comes from; a plan with any error is not compiled.

#include <memory>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "plan/CompiledPlan.h"

namespace thidua {

tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> compile_plan(PlanSpec spec);

// Maps an offset in an expression's text to the file position it came from.
SourceRef locate(const ExprText& text, uint32_t offset);

}  // namespace thidua

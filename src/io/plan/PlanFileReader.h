#pragma once
// Reads a plan file (YAML) into a PlanSpec. Checks the shape of the file — known keys, the right
// kinds of values, dates, required fields — and reports every problem as file:line:col. The
// meaning (names in criteria, groups, periods) is checked by PlanCompiler.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "plan/PlanSpec.h"

namespace thidua {

tl::expected<PlanSpec, Diagnostics> read_plan_text(const std::string& text,
                                                   const std::string& file_name);
tl::expected<PlanSpec, Diagnostics> read_plan_file(const std::filesystem::path& path);

}  // namespace thidua
